import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BotDetector } from './bot-detector.js';
import { BotDetectorStateError } from './errors.js';
import { checkedState, stateProblem } from './state.js';

const SETTINGS = {
  windowMs: 10_000,
  slideMs: 10_000,
  allowedLatenessMs: 0,
  flagThreshold: 5,
  alertThreshold: 10,
  maxFutureMs: 3_600_000,
  jumpConfirmations: 3,
  clock: () => 0,
};

/** The window geometry of SETTINGS, as a state records it. */
const GEOMETRY = { windowMs: 10_000, slideMs: 10_000, allowedLatenessMs: 0 };
const GEOMETRY_KEYS = ['windowMs', 'slideMs', 'allowedLatenessMs'] as const;

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

/** For the fields version 2 added: odd less often, so enough generated states stay valid. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 60, arbitrary }, { weight: 1, arbitrary: odd });
const jump = rarely(
  fc.oneof(
    { weight: 10, arbitrary: fc.constant(null) },
    { weight: 10, arbitrary: fc.tuple(fc.integer(), fc.integer({ min: 1, max: 3 })) },
    { weight: 1, arbitrary: fc.tuple(maybe(fc.double()), maybe(fc.integer({ min: 0, max: 3 }))) },
  ),
);
const sequenceNumber = rarely(
  fc.oneof(
    { weight: 30, arbitrary: fc.stringMatching(/^\d{1,60}$/) },
    fc.constantFrom('', '1e3', '-1', '0x1'),
  ),
);
const checkpoints = rarely(
  fc.dictionary(fc.constantFrom('shardId-0', 'shardId-1', 's'), sequenceNumber, { maxKeys: 2 }),
);

/** States near the edges: each field mostly valid, sometimes anything. */
const state = fc.record(
  {
    version: maybe(fc.constant(2)),
    windowMs: maybe(fc.constant(10_000)),
    slideMs: maybe(fc.constant(10_000)),
    allowedLatenessMs: maybe(fc.constant(0)),
    maxEventTime: time,
    watermark: time,
    windows: maybe(fc.array(window, { maxLength: 3 })),
    jump,
    checkpoints,
    tally: maybe(
      fc.record(
        { counted: count, late: count, noKey: count, future: count, extra: fc.anything() },
        { requiredKeys: [] },
      ),
    ),
    extra: fc.anything(),
  },
  {
    requiredKeys: ['version', ...GEOMETRY_KEYS, 'windows', 'jump', 'checkpoints', 'tally'],
  },
);

describe('stateProblem', () => {
  it('accepts a state or refuses it with BotDetectorStateError, and a detector restores what it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: state }, { weight: 1, arbitrary: odd }), (input) => {
        let checked: ReturnType<typeof checkedState>;
        try {
          checked = checkedState(input, SETTINGS);
        } catch (error) {
          expect(error).toBeInstanceOf(BotDetectorStateError);
          return;
        }
        accepted++;
        new BotDetector({ ...GEOMETRY, clock: () => 0 }).restore(checked);
      }),
      { numRuns: 5_000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('names the field', () => {
    const state = {
      ...GEOMETRY,
      version: 2,
      maxEventTime: null,
      watermark: null,
      jump: null,
      checkpoints: {},
    };
    const tally = { counted: 0, late: 0, noKey: 0, future: 0 };
    expect(stateProblem({ ...state, windows: [[0, [['u1', -1]]]], tally })).toMatch(/^windows\.0\.1\.0: /);
    expect(stateProblem({ ...state, windows: [], tally: { counted: 0, late: 0, noKey: 0 } })).toMatch(
      /^tally\.future: /,
    );
    expect(stateProblem({ ...state, windows: [], checkpoints: { 'shardId-0': 4.9e55 }, tally })).toMatch(
      /^checkpoints\.shardId-0: /,
    );
    expect(() => checkedState([], SETTINGS)).toThrow(BotDetectorStateError);
  });

  it('restores a version 1 state (before checkpoints) as version 2', () => {
    const v1 = {
      ...GEOMETRY,
      version: 1,
      maxEventTime: 5,
      watermark: 5,
      windows: [[0, [['u1', 3]]]],
      tally: { counted: 3, late: 1, noKey: 0 },
    };
    expect(checkedState(v1, SETTINGS)).toEqual({
      ...v1,
      version: 2,
      jump: null,
      checkpoints: {},
      tally: { counted: 3, late: 1, noKey: 0, future: 0 },
    });
  });
});
