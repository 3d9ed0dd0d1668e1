import { describe, expect, it } from 'vitest';
import { BYTE_BATCH_BYTES, ByteBatcher } from './byte-batcher.js';

const bytes = (length: number, seed: number) =>
  Buffer.from(Array.from({ length }, (_, i) => (i * 7 + seed) % 251));

/** Copies `input` in uneven runs, taking after each; returns what a consumer copying each chunk saw. */
function pass(batcher: ByteBatcher, input: Buffer): { seen: Buffer; chunks: Buffer[] } {
  const seen: Buffer[] = [];
  const chunks: Buffer[] = [];
  for (let at = 0, step = 1; at < input.length; step = (step * 5 + 3) % 200_000) {
    const end = Math.min(input.length, at + step);
    batcher.copy(input, at, end);
    at = end;
    for (const chunk of batcher.take(at === input.length)) {
      seen.push(Buffer.from(chunk)); // the consumer is done with the chunk before the next take
      chunks.push(chunk);
    }
  }
  return { seen: Buffer.concat(seen), chunks };
}

describe('the byte batcher', () => {
  it('hands out the bytes it was given, in order, in chunks of its size', () => {
    const input = bytes(3 * BYTE_BATCH_BYTES + 12_345, 1);
    const { seen, chunks } = pass(new ByteBatcher(), input);
    expect(seen.equals(input)).toBe(true);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length === BYTE_BATCH_BYTES)).toBe(true);
  });

  it('with reuse, writes its chunks over once the consumer took the next ones, bytes unchanged', () => {
    const input = bytes(6 * BYTE_BATCH_BYTES + 99, 2);
    const batcher = new ByteBatcher();
    batcher.reuse = true;
    const { seen, chunks } = pass(batcher, input);
    expect(seen.equals(input)).toBe(true);
    const memory = new Set(chunks.map((chunk) => chunk.buffer));
    expect(memory.size).toBeLessThan(chunks.length); // some chunk memory served twice
  });

  it('without reuse, every chunk keeps its bytes after later takes', () => {
    const input = bytes(4 * BYTE_BATCH_BYTES, 3);
    const { chunks } = pass(new ByteBatcher(), input);
    expect(Buffer.concat(chunks).equals(input)).toBe(true);
  });
});
