import { describe, expect, it } from 'vitest';
import { BotDetector } from './bot-detector.js';
import { BotDetectorStateError } from './errors.js';

const BIG = '49590338271490256608559692538361571095921575989136588898';
const BIGGER = '49590338271490256608559692538361571095921575989136588899';

describe('BotDetector checkpoints', () => {
  it('holds the highest sequence number applied per shard', () => {
    const checkpoints = new BotDetector();
    checkpoints.checkpoint({ shard: 'shard-1', sequenceNumber: BIGGER });
    checkpoints.checkpoint({ shard: 'shard-1', sequenceNumber: BIG }); // lower: changes nothing
    expect(checkpoints.isApplied({ shard: 'shard-1', sequenceNumber: BIG })).toBe(true);
    expect(checkpoints.isApplied({ shard: 'shard-1', sequenceNumber: BIGGER })).toBe(true);
    expect(checkpoints.isApplied({ shard: 'shard-1', sequenceNumber: `${BIGGER}0` })).toBe(false);
    expect(checkpoints.isApplied({ shard: 'shard-2', sequenceNumber: '1' })).toBe(false);
    expect(checkpoints.snapshot().checkpoints).toEqual({ 'shard-1': BIGGER });
  });

  it('orders sequence numbers as big integers, not as strings or doubles', () => {
    expect(Number(BIG)).toBe(Number(BIGGER)); // why doubles will not do
    const checkpoints = new BotDetector();
    checkpoints.checkpoint({ shard: 's', sequenceNumber: '10' });
    expect(checkpoints.isApplied({ shard: 's', sequenceNumber: '9' })).toBe(true);
    expect(checkpoints.isApplied({ shard: 's', sequenceNumber: '0010' })).toBe(true);
    expect(checkpoints.isApplied({ shard: 's', sequenceNumber: '11' })).toBe(false);
  });

  it('refuses a sequence number that is not decimal digits', () => {
    const checkpoints = new BotDetector();
    expect(() => checkpoints.checkpoint({ shard: 's', sequenceNumber: '4.9e55' })).toThrow(
      BotDetectorStateError,
    );
  });

  it('travel in the detector state', () => {
    const first = new BotDetector();
    first.checkpoint({ shard: 'shard-1', sequenceNumber: BIG });
    const second = new BotDetector();
    second.restore(JSON.parse(JSON.stringify(first.snapshot())));
    expect(second.isApplied({ shard: 'shard-1', sequenceNumber: BIG })).toBe(true);
    expect(second.isApplied({ shard: 'shard-1', sequenceNumber: BIGGER })).toBe(false);
    expect(second.snapshot().checkpoints).toEqual({ 'shard-1': BIG });
  });
});
