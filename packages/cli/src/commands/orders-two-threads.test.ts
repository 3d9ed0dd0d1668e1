import type { Rejection } from '@sluice/core/outcome';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineMover, movedOn } from './orders-two-threads.js';

const rejection = (
  file: string,
  line: number,
  extra: Partial<Rejection> = {},
  endLine?: number,
): Rejection => ({
  reason: 'invalid-date',
  message: `${file}:${line}: column OrderDate: order date "x" is not a date`,
  position: { kind: 'file', file, line, ...(endLine ? { endLine } : {}), column: 'OrderDate' },
  raw: 'O1,C1,x,pending,1.00',
  ...extra,
});

describe('a second-half rejection moved down the file', () => {
  it('moves its position, its end line and its message, nothing else', () => {
    expect(movedOn(rejection('in.csv', 2, {}, 4), 100)).toEqual(rejection('in.csv', 102, {}, 104));
  });

  it('leaves a message that does not start with its place as it is', () => {
    const odd = rejection('in.csv', 2, { message: 'no place here' });
    expect(movedOn(odd, 5).message).toBe('no place here');
  });

  it('is the same moved as text as moved through JSON, whatever the file name and the raw text', () => {
    const name = fc.oneof(fc.constantFrom('in.csv', 'a "quoted" \\ name.csv', 'é,\n.csv'), fc.string());
    const raw = fc.oneof(fc.constantFrom('"line":5', ',"endLine":7', '"message":"in.csv:2:'), fc.string());
    fc.assert(
      fc.property(
        name,
        fc.nat(10_000),
        fc.option(fc.nat(50)),
        raw,
        fc.nat(1_000_000),
        (file, line, spread, text, shift) => {
          const given = rejection(
            file,
            line + 1,
            { raw: text },
            spread === null ? undefined : line + 1 + spread,
          );
          const moved = lineMover(file, shift)(JSON.stringify(given));
          expect(moved).toBe(JSON.stringify(movedOn(given, shift)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
