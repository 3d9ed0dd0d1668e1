import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BotDetectorStateError } from './errors.js';
import { BotDetectorStateSchema, checkedState, stateProblem } from './state.js';

const SETTINGS = {
  windowMs: 10_000,
  slideMs: 10_000,
  allowedLatenessMs: 0,
  flagThreshold: 5,
  alertThreshold: 10,
};

const odd = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    -1,
    -0,
    1.5,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '1',
    true,
    [],
    {},
  ),
  fc.jsonValue(),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 15, arbitrary }, { weight: 1, arbitrary: odd });
const count = maybe(fc.nat());
const time = maybe(fc.oneof(fc.constant(null), fc.integer(), fc.double()));
const entry = maybe(
  fc.oneof(fc.tuple(maybe(fc.string()), count), fc.array(maybe(fc.string()), { maxLength: 3 })),
);
const window = maybe(
  fc.oneof(
    fc.tuple(maybe(fc.integer()), maybe(fc.array(entry, { maxLength: 3 }))),
    fc.tuple(fc.integer(), fc.array(entry), fc.anything()),
  ),
);

/** States near the schema's edges: each field mostly valid, sometimes anything. */
const state = fc.record(
  {
    version: maybe(fc.constant(1)),
    windowMs: maybe(fc.constant(10_000)),
    slideMs: maybe(fc.constant(10_000)),
    allowedLatenessMs: maybe(fc.constant(0)),
    maxEventTime: time,
    watermark: time,
    windows: maybe(fc.array(window, { maxLength: 3 })),
    tally: maybe(
      fc.record({ counted: count, late: count, noKey: count, extra: fc.anything() }, { requiredKeys: [] }),
    ),
    extra: fc.anything(),
  },
  { requiredKeys: ['version', 'windowMs', 'slideMs', 'allowedLatenessMs', 'windows', 'tally'] },
);

describe('stateProblem', () => {
  it('finds a problem exactly when BotDetectorStateSchema rejects the state', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: state }, { weight: 1, arbitrary: odd }), (input) => {
        const parsed = BotDetectorStateSchema.safeParse(input);
        expect(stateProblem(input) === undefined).toBe(parsed.success);
        if (!parsed.success) return;
        accepted++;
        const { windowMs, slideMs, allowedLatenessMs } = parsed.data;
        expect(checkedState(input, { ...SETTINGS, windowMs, slideMs, allowedLatenessMs })).toStrictEqual(
          parsed.data,
        );
      }),
      { numRuns: 20_000 },
    );
    expect(accepted).toBeGreaterThan(1_000);
  });

  it('names the field', () => {
    const state = {
      version: 1,
      ...SETTINGS,
      maxEventTime: null,
      watermark: null,
      windows: [[0, [['u1', -1]]]],
    };
    expect(stateProblem({ ...state, tally: { counted: 0, late: 0, noKey: 0 } })).toMatch(
      /^windows\.0\.1\.0: /,
    );
    expect(stateProblem({ ...state, windows: [], tally: { counted: 0, late: 0 } })).toMatch(
      /^tally\.noKey: /,
    );
    expect(() => checkedState([], SETTINGS)).toThrow(BotDetectorStateError);
  });
});
