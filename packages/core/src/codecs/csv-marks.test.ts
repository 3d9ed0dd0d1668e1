import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedModule, WASM_SOURCES } from '../../../../scripts/wasm.js';
import { CsvMarks, scriptClassifier, wasmClassifier } from './csv-marks.js';

/** Every mark, found one byte at a time: what both classifiers must find. */
function marksByHand(bytes: Uint8Array, delimiter: number): number[] {
  const found: number[] = [];
  bytes.forEach((byte, at) => {
    if (byte === delimiter || byte === 0x0a || byte === 0x0d || byte === 0x22) found.push(at);
  });
  return found;
}

/** Every mark from `from` on, walked as the scanner walks them. */
function walk(marks: CsvMarks, bytes: Uint8Array, from = 0): number[] {
  const found: number[] = [];
  for (let at = marks.seek(bytes, from, bytes.length); at >= 0; at = marks.next(bytes, bytes.length))
    found.push(at);
  return found;
}

// Bytes rich in marks, around 16-byte blocks and the 16 KiB slices, plus any byte at all.
const csvByte = fc.oneof(
  fc.constantFrom(0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x22, 0x61, 0x30),
  fc.integer({ min: 0, max: 255 }),
);
const someBytes = fc.oneof(
  fc.uint8Array({ maxLength: 100 }),
  fc.array(csvByte, { maxLength: 200 }).map((bytes) => Uint8Array.from(bytes)),
  fc.array(csvByte, { minLength: 16_000, maxLength: 40_000 }).map((bytes) => Uint8Array.from(bytes)),
);
const delimiter = fc.constantFrom(0x2c, 0x3b, 0x09, 0x7c, 0x00, 0x7f);

describe('CsvMarks', () => {
  it('runs WebAssembly here (Node has it), so the suites above test the classifier users get', () => {
    expect(wasmClassifier()).toBeDefined();
  });

  it('finds every delimiter, LF, CR and quote in order, in WebAssembly and in JavaScript alike', () => {
    fc.assert(
      fc.property(someBytes, delimiter, (bytes, d) => {
        const expected = marksByHand(bytes, d);
        expect(walk(new CsvMarks(d, wasmClassifier()), bytes)).toEqual(expected);
        expect(walk(new CsvMarks(d, scriptClassifier()), bytes)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('seeks forward past marks already skipped, and reads again after a reset', () => {
    fc.assert(
      fc.property(someBytes, fc.nat(), fc.nat(), (bytes, a, b) => {
        const marks = new CsvMarks(0x2c);
        const [near, far] = [a % (bytes.length + 1), b % (bytes.length + 1)].sort((x, y) => x - y);
        const all = marksByHand(bytes, 0x2c);
        expect(marks.seek(bytes, near ?? 0, bytes.length)).toBe(all.find((at) => at >= (near ?? 0)) ?? -1);
        expect(walk(marks, bytes, far)).toEqual(all.filter((at) => at >= (far ?? 0)));
        marks.reset();
        expect(walk(marks, bytes, near)).toEqual(all.filter((at) => at >= (near ?? 0)));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps one module instance per scan: two scans read in turn never see each other’s marks', () => {
    const left = Buffer.from('a,b\nc,d\n'.repeat(5000));
    const right = Buffer.from('x;y;z\n'.repeat(7000));
    const [one, two] = [new CsvMarks(0x2c), new CsvMarks(0x3b)];
    const seen: number[][] = [[], []];
    let [atOne, atTwo] = [one.seek(left, 0, left.length), two.seek(right, 0, right.length)];
    while (atOne >= 0 || atTwo >= 0) {
      if (atOne >= 0) seen[0]?.push(atOne);
      if (atTwo >= 0) seen[1]?.push(atTwo);
      if (atOne >= 0) atOne = one.next(left, left.length);
      if (atTwo >= 0) atTwo = two.next(right, right.length);
    }
    expect(seen).toEqual([marksByHand(left, 0x2c), marksByHand(right, 0x3b)]);
  });

  it.each(WASM_SOURCES)('embeds $wat as it assembles today ($module)', async ({ wat, module }) => {
    const root = new URL('../../../../', import.meta.url);
    expect(readFileSync(new URL(module, root), 'utf8')).toBe(await embeddedModule(wat));
  });
});
