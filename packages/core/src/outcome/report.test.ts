import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePosition } from './outcome.js';
import { isBalanced, RunTally } from './report.js';

describe('RunTally', () => {
  it('derives read from the outcomes and serialises to JSON', () => {
    let clock = 1_700_000_000_000;
    const tally = new RunTally({ now: () => clock });
    tally.keep(3);
    tally.drop('stale', 2);
    tally.reject('invalid-date');
    clock += 42;
    const report = JSON.parse(JSON.stringify(tally.report()));
    expect(report).toEqual({
      read: 6,
      kept: 3,
      dropped: { stale: 2 },
      rejected: { 'invalid-date': 1 },
      startedAt: '2023-11-14T22:13:20.000Z',
      durationMs: 42,
    });
  });

  it('absorbs sub-reports and stays balanced for any sequence of outcomes', () => {
    const step = fc.oneof(
      fc.constant({ kind: 'keep' as const }),
      fc.record({ kind: fc.constant('drop' as const), reason: fc.constantFrom('stale', 'late') }),
      fc.record({ kind: fc.constant('reject' as const), reason: fc.constantFrom('schema', 'ragged-row') }),
    );
    fc.assert(
      fc.property(fc.array(step), fc.array(step), (first, second) => {
        const apply = (tally: RunTally, steps: typeof first) => {
          for (const s of steps) {
            if (s.kind === 'keep') tally.keep();
            else if (s.kind === 'drop') tally.drop(s.reason);
            else tally.reject(s.reason);
          }
          return tally;
        };
        const whole = apply(new RunTally(), [...first, ...second]).report();
        const parts = apply(new RunTally(), first);
        parts.absorb(apply(new RunTally(), second).report());
        const merged = parts.report();
        expect(isBalanced(merged)).toBe(true);
        expect({ ...merged, startedAt: '', durationMs: 0 }).toEqual({
          ...whole,
          startedAt: '',
          durationMs: 0,
        });
      }),
    );
  });
});

describe('describePosition', () => {
  it('names the file and line, the stream and sequence number, or the message id', () => {
    expect(describePosition({ kind: 'file', file: 'raw/orders.csv', line: 12 })).toBe('raw/orders.csv:12');
    expect(describePosition({ kind: 'stream', stream: 'events', sequenceNumber: '4959' })).toBe(
      'events#4959',
    );
    expect(describePosition({ kind: 'message', messageId: 'm-1' })).toBe('message m-1');
  });
});
