import { describe, expect, it } from 'vitest';
import { Channel } from './channel.js';

describe('Channel', () => {
  it('hands every item over in order and holds at most its capacity', async () => {
    const channel = new Channel<number>(2);
    let waiting = 0;
    const producing = (async () => {
      for (let i = 0; i < 50; i++) {
        await channel.push(i);
        waiting++;
      }
      channel.close();
    })();
    const taken: number[] = [];
    for await (const item of channel) {
      taken.push(item);
      expect(waiting - taken.length).toBeLessThanOrEqual(2);
    }
    await producing;
    expect(taken).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('releases a waiting producer with the error when the consumer side fails', async () => {
    const channel = new Channel<number>(1);
    await channel.push(1);
    const blocked = channel.push(2);
    channel.fail(new Error('writer failed'));
    await expect(blocked).rejects.toThrow('writer failed');
    await expect(channel.push(3)).rejects.toThrow('writer failed');
  });

  it('ends the consumer with the error of a failed producer', async () => {
    const channel = new Channel<number>(4);
    await channel.push(1);
    channel.fail(new Error('reader failed'));
    const reading = (async () => {
      for await (const _ of channel) {
        // the error comes before any item
      }
    })();
    await expect(reading).rejects.toThrow('reader failed');
  });
});
