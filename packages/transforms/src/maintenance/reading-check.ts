// The rules of a machine reading, field by field: the one definition that MachineReadingSchema
// (zod), checkMachineReading (no zod: what scoring runs per record) and the CSV columns all read.

/** Why a field's value is refused: the message of its issue. */
export class FieldIssue {
  constructor(readonly message: string) {}
}

/** One field's rule: its output value, or the {@link FieldIssue} that refuses it. */
export type FieldRule<T> = (value: unknown) => T | FieldIssue;

// zod/mini's default message, which these rules gave when they were zod types (a union, a string).
const INVALID_INPUT = new FieldIssue('Invalid input');
// Decimal notation only: `0x50`, `1e3`, `Infinity` and `NaN` are what Number() reads but no sensor writes.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A CSV cell or JSON value as a finite number: a JSON number, or text in decimal notation
 * (`" 80.5 "`, `-3`, `.5`). Hex (`0x50`), exponents (`1e3`), `Infinity`, `NaN`, blank or junk text
 * are an issue, never a silently different number.
 */
export function readReadingNumber(value: unknown): number | FieldIssue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : INVALID_INPUT;
  if (typeof value !== 'string') return INVALID_INPUT;
  const text = value.trim();
  const parsed = DECIMAL.test(text) ? Number(text) : Number.NaN;
  if (Number.isFinite(parsed)) return parsed;
  const decimal = Number.isFinite(Number(text)) && text !== '' ? 'decimal ' : '';
  return new FieldIssue(`"${value}" is not a ${decimal}number`);
}

function flag(value: unknown): number | FieldIssue {
  const n = readReadingNumber(value);
  return n instanceof FieldIssue || n === 0 || n === 1 ? n : new FieldIssue('must be 0 or 1');
}

function probability(value: unknown): number | FieldIssue {
  const n = readReadingNumber(value);
  return n instanceof FieldIssue || (n >= 0 && n <= 1) ? n : new FieldIssue('must be between 0 and 1');
}

/**
 * A machine id: text (trimmed, kept exactly as written), or a JSON whole number up to 2^53. A larger
 * JSON number has already lost digits in `JSON.parse`, so it is refused: send it as a string, or
 * parse with `parseJsonExact`, which hands its exact digits over as text. `1.5` is no id.
 */
function machineId(id: unknown): string | FieldIssue {
  if (typeof id === 'string') return id.trim() !== '' ? id.trim() : new FieldIssue('must not be blank');
  if (typeof id !== 'number' || !Number.isFinite(id)) return INVALID_INPUT;
  if (Number.isSafeInteger(id)) return String(id);
  return new FieldIssue(
    Number.isInteger(id)
      ? `${id} is beyond 2^53 and was rounded by JSON parsing; send the id as a string`
      : `${id} is not a whole number`,
  );
}

function timestamp(value: unknown): string | FieldIssue {
  if (typeof value !== 'string') return INVALID_INPUT;
  const text = value.trim();
  return text.length > 0 ? text : INVALID_INPUT;
}

const text = (value: unknown): string | FieldIssue => (typeof value === 'string' ? value : INVALID_INPUT);

/** A rule that also takes `undefined` (the field may be absent). */
function optional<T>(rule: FieldRule<T>): FieldRule<T | undefined> {
  return (value) => (value === undefined ? undefined : rule(value));
}

/**
 * The fields of a reading in the order their issues are reported, each with its rule. The four
 * scored fields are required; `anomaly_flag` is 0 or 1, `downtime_risk` in [0, 1], every number
 * finite and in decimal notation; the other numeric columns are read when present. A field whose
 * rule takes `undefined` may be missing from a CSV file.
 */
export const MACHINE_READING_RULES = {
  timestamp,
  machine_id: machineId,
  temperature: readReadingNumber,
  vibration: readReadingNumber,
  anomaly_flag: flag,
  downtime_risk: probability,
  humidity: optional(readReadingNumber),
  pressure: optional(readReadingNumber),
  energy_consumption: optional(readReadingNumber),
  machine_status: optional(readReadingNumber),
  predicted_remaining_life: optional(readReadingNumber),
  failure_type: optional(text),
  maintenance_required: optional(readReadingNumber),
};

/** A parsed reading: numbers are numbers, `machine_id` a string (what {@link checkMachineReading} outputs). */
export interface MachineReading {
  timestamp: string;
  machine_id: string;
  temperature: number;
  vibration: number;
  anomaly_flag: number;
  downtime_risk: number;
  humidity?: number;
  pressure?: number;
  energy_consumption?: number;
  machine_status?: number;
  predicted_remaining_life?: number;
  failure_type?: string;
  maintenance_required?: number;
}

/** What a reading looks like on the wire (CSV strings or JSON numbers). */
export interface MachineReadingInput {
  timestamp: string;
  machine_id: string | number;
  temperature: number | string;
  vibration: number | string;
  anomaly_flag: number | string;
  downtime_risk: number | string;
  humidity?: number | string;
  pressure?: number | string;
  energy_consumption?: number | string;
  machine_status?: number | string;
  predicted_remaining_life?: number | string;
  failure_type?: string;
  maintenance_required?: number | string;
}

/** A problem found in a reading, as a Standard Schema issue: message and field. */
export interface MachineReadingIssue {
  message: string;
  path: string[];
}

const FIELDS = Object.entries(MACHINE_READING_RULES) as [string, FieldRule<unknown>][];

/**
 * Reads a reading by {@link MACHINE_READING_RULES}, as `MachineReadingSchema` does (same output, same
 * issues in the same order), without zod's runtime per record.
 *
 * @example checkMachineReading({ timestamp: '2025-01-01 00:00:00', machine_id: '39', temperature: '80', vibration: '20', anomaly_flag: '0', downtime_risk: '0.5' })
 */
export function checkMachineReading(
  input: unknown,
): { value: MachineReading } | { issues: MachineReadingIssue[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { issues: [{ message: INVALID_INPUT.message, path: [] }] };
  const record = input as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  const issues: MachineReadingIssue[] = [];
  for (const [name, rule] of FIELDS) {
    const field = rule(record[name]);
    if (field instanceof FieldIssue) issues.push({ message: field.message, path: [name] });
    // An optional field absent from the input stays absent, as in the schema's output.
    else if (field !== undefined || name in record) value[name] = field;
  }
  return issues.length > 0 ? { issues } : { value: value as unknown as MachineReading };
}
