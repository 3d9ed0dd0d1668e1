// One rule source for readings: MACHINE_READING_RULES, read by checkMachineReading (what scoring
// runs) and, through zod, by MachineReadingSchema. The two must agree on every input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMachineReading } from './reading-check.js';
import { MachineReadingSchema } from './schema.js';

/** What the schema says of `input`, in the checker's terms. */
function schemaVerdict(input: unknown) {
  const result = MachineReadingSchema.safeParse(input);
  if (result.success) return { value: result.data };
  return { issues: result.error.issues.map((issue) => ({ message: issue.message, path: issue.path })) };
}

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '  x ', '\t', '0', '1', '2', '-1', '0.5', '1.0', '1e400', '1e3', 'NaN'),
  fc.constantFrom('Infinity', ' 12.5 ', '-0', '0x1f', '.5', '7.', '+4', '1,5', '9'.repeat(400)),
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, 1, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY),
);
const anyValue = fc.oneof(
  text,
  number,
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.jsonValue(),
);
const decimal = fc
  .tuple(fc.integer({ min: -1000, max: 1000 }), fc.nat(999))
  .map(([whole, fraction]) => `${whole}.${fraction}`);
const sensor = fc.oneof(decimal, number, text, anyValue);

/** Readings near the rules' edges: each field valid, invalid or absent. */
const reading = fc.record(
  {
    timestamp: fc.oneof(fc.constantFrom('2025-01-01 00:00:00', ' 2025-01-01 00:02:00 ', '  '), anyValue),
    machine_id: fc.oneof(fc.nat().map(String), fc.nat(), fc.constantFrom(' M-7 ', '  '), anyValue),
    ...Object.fromEntries(
      ['temperature', 'vibration', 'humidity', 'pressure', 'energy_consumption', 'machine_status']
        .concat(['predicted_remaining_life', 'maintenance_required'])
        .map((name) => [name, sensor]),
    ),
    anomaly_flag: fc.oneof(fc.constantFrom('0', '1', '1.0', 0, 1, '2', 0.5), sensor),
    downtime_risk: fc.oneof(fc.constantFrom('0', '1', '0.0001', '1.0001', -0.0001), decimal, sensor),
    failure_type: fc.oneof(fc.constantFrom('Normal', 'Vibration Issue'), anyValue),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

/** Readings that mostly pass, so the accepted side (outputs) is compared too. */
const readable = fc.record(
  {
    timestamp: fc.constantFrom('2025-01-01 00:00:00', ' 2025-01-01 00:02:00 '),
    machine_id: fc.oneof(fc.nat().map(String), fc.nat(), fc.constant(' M-7 ')),
    temperature: fc.oneof(decimal, fc.double({ noNaN: true, noDefaultInfinity: true })),
    vibration: decimal,
    anomaly_flag: fc.constantFrom('0', '1', '1.0', 0, 1),
    downtime_risk: fc.oneof(fc.constantFrom('0', '1', '0.5'), fc.double({ min: 0, max: 1, noNaN: true })),
    humidity: fc.oneof(decimal, fc.constant(undefined)),
    pressure: decimal,
    energy_consumption: decimal,
    machine_status: fc.constantFrom('0', '1', '2'),
    predicted_remaining_life: fc.nat().map(String),
    failure_type: fc.constantFrom('Normal', 'Vibration Issue', ''),
    maintenance_required: fc.constantFrom('0', '1'),
    extra: fc.jsonValue(),
  },
  { requiredKeys: ['timestamp', 'machine_id', 'temperature', 'vibration', 'anomaly_flag', 'downtime_risk'] },
);

describe('checkMachineReading', () => {
  it('accepts what MachineReadingSchema accepts, with the same output', () => {
    let accepted = 0;
    fc.assert(
      fc.property(readable, (input) => {
        const verdict = checkMachineReading(input);
        expect(verdict).toStrictEqual(schemaVerdict(input));
        if ('value' in verdict) accepted++;
      }),
      { numRuns: 5_000 },
    );
    expect(accepted).toBeGreaterThan(4_000);
  });

  it('returns what MachineReadingSchema returns: the same reading or the same issues', () => {
    fc.assert(
      fc.property(
        fc.oneof({ weight: 8, arbitrary: reading }, { weight: 1, arbitrary: anyValue }),
        (input) => {
          expect(checkMachineReading(input)).toStrictEqual(schemaVerdict(input));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('keeps an optional field given as undefined, and leaves out one that is absent', () => {
    const names = ['timestamp', 'machine_id', 'temperature', 'vibration', 'anomaly_flag', 'downtime_risk'];
    const values = ['2025-01-01 00:00:00', '39', '80', '20', '0', '0.5'];
    const input = { ...Object.fromEntries(names.map((name, i) => [name, values[i]])), humidity: undefined };
    const verdict = checkMachineReading(input);
    expect(verdict).toStrictEqual(schemaVerdict(input));
    expect('value' in verdict && Object.keys(verdict.value)).toContain('humidity');
    expect('value' in verdict && Object.keys(verdict.value)).not.toContain('pressure');
  });
});
