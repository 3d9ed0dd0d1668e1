import { parseJsonExact } from '@sluice/core/codecs';
import { describe, expect, it } from 'vitest';
import { MachineReadingSchema } from './schema.js';

const reading = {
  timestamp: '2025-01-01 00:00:00',
  machine_id: '39',
  temperature: '80',
  vibration: '20',
  anomaly_flag: '0',
  downtime_risk: '0.5',
};

const check = (patch: Record<string, unknown>) => MachineReadingSchema.safeParse({ ...reading, ...patch });
const issueOf = (patch: Record<string, unknown>) => {
  const result = check(patch);
  if (result.success) throw new Error(`expected ${JSON.stringify(patch)} to be rejected`);
  return `${result.error.issues[0]?.path.join('.')}: ${result.error.issues[0]?.message}`;
};

// Each value one step inside and one step outside a rule: the schema is the one rule source.
describe('MachineReadingSchema keeps values or rejects them, never changes them', () => {
  it.each([
    [{ machine_id: 9007199254740991 }, '9007199254740991'],
    [{ machine_id: '12345678901234567890' }, '12345678901234567890'],
    [{ machine_id: ' M-7 ' }, 'M-7'],
    [{ machine_id: 0 }, '0'],
  ])('keeps machine_id %j as %s', (patch, id) => {
    expect(check(patch).data?.machine_id).toBe(id);
  });

  it('keeps a JSON machine_id beyond 2^53 exact when parsed with parseJsonExact', () => {
    const json = parseJsonExact(JSON.stringify(reading).replace('"39"', '12345678901234567890'));
    expect(MachineReadingSchema.parse(json).machine_id).toBe('12345678901234567890');
  });

  it.each([
    [{ machine_id: 9007199254740992 }, 'machine_id: 9007199254740992 is beyond 2^53'],
    [{ machine_id: JSON.parse('12345678901234567890') }, 'machine_id: 12345678901234567000 is beyond 2^53'],
    [{ machine_id: 1.5 }, 'machine_id: 1.5 is not a whole number'],
    [{ machine_id: '  ' }, 'machine_id: must not be blank'],
    [{ machine_id: Number.NaN }, 'machine_id:'],
  ])('rejects machine_id %j', (patch, message) => {
    expect(issueOf(patch)).toContain(message);
  });

  it.each([
    [' 80.5 ', 80.5],
    ['-3', -3],
    ['+4', 4],
    ['.5', 0.5],
    ['7.', 7],
    [80, 80],
    [1e3, 1000], // a JSON number is JSON's own notation
  ])('reads temperature %j as %d', (value, expected) => {
    expect(check({ temperature: value }).data?.temperature).toBe(expected);
  });

  it.each([
    ['0x50', 'temperature: "0x50" is not a decimal number'],
    ['1e3', 'temperature: "1e3" is not a decimal number'],
    ['0b101', 'temperature: "0b101" is not a decimal number'],
    ['Infinity', 'temperature: "Infinity" is not a number'],
    ['NaN', 'temperature: "NaN" is not a number'],
    ['', 'temperature: "" is not a number'],
    ['1,5', 'temperature: "1,5" is not a number'],
    [Number.POSITIVE_INFINITY, 'temperature:'],
  ])('rejects temperature %j', (value, message) => {
    expect(issueOf({ temperature: value })).toContain(message);
  });

  it('rejects a vibration that is not finite', () => {
    expect(issueOf({ vibration: '-Infinity' })).toContain('vibration:');
    expect(issueOf({ vibration: Number.NaN })).toContain('vibration:');
  });

  it.each([
    ['0', 0],
    ['1', 1],
    ['1.0', 1],
    [1, 1],
  ])('reads anomaly_flag %j as %d', (value, expected) => {
    expect(check({ anomaly_flag: value }).data?.anomaly_flag).toBe(expected);
  });

  it.each([['2'], ['-1'], ['0.5'], [2]])('rejects anomaly_flag %j', (value) => {
    expect(issueOf({ anomaly_flag: value })).toBe('anomaly_flag: must be 0 or 1');
  });

  it.each([
    ['0', 0],
    ['1', 1],
    ['0.0001', 0.0001],
    ['1.0', 1],
  ])('reads downtime_risk %j as %d', (value, expected) => {
    expect(check({ downtime_risk: value }).data?.downtime_risk).toBe(expected);
  });

  it.each([['1.5'], ['-1'], ['1.0001'], ['-0.0001'], [2]])('rejects downtime_risk %j', (value) => {
    expect(issueOf({ downtime_risk: value })).toBe('downtime_risk: must be between 0 and 1');
  });
});
