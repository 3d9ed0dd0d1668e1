import { describe, expect, it } from 'vitest';
import { detectBotsFromCsv } from './bots/index.js';
import { scoreCustomersCsv } from './customers/index.js';
import { filterStaleOrders } from './orders/index.js';

/** A CSV input in small chunks that says whether it was released (its generator finished). */
function trackedInput(text: string) {
  const state = { released: false };
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      const bytes = Buffer.from(text);
      for (let at = 0; at < bytes.length; at += 16) yield bytes.subarray(at, at + 16);
    } finally {
      state.released = true;
    }
  }
  return { input: chunks(), state };
}

// A header without the columns a transform needs, then many rows the transform never reads.
const wrongFile = `a,b,c\n${'1,2,3\n'.repeat(200)}`;

describe('a file refused at its header', () => {
  it.each([
    [
      'filterStaleOrders',
      (input: AsyncIterable<Uint8Array>) => filterStaleOrders(input, { asOf: '2025-06-30' }),
    ],
    ['detectBotsFromCsv', (input: AsyncIterable<Uint8Array>) => detectBotsFromCsv(input)],
    [
      'scoreCustomersCsv',
      (input: AsyncIterable<Uint8Array>) => scoreCustomersCsv(input, { onRejected: () => undefined }),
    ],
  ])('by %s leaves no input open', async (_, transform) => {
    const { input, state } = trackedInput(wrongFile);
    await expect(transform(input)).rejects.toThrow();
    expect(state.released).toBe(true);
  });
});
