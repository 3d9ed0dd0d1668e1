import * as z from 'zod/mini';
import type { CsvColumnSpec } from '../csv-columns/index.js';
import { schemaColumns } from '../schema-columns.js';

// Decimal notation only: `0x50`, `1e3`, `Infinity` and `NaN` are what Number() reads but no sensor writes.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads a CSV cell or JSON value as a finite number: a JSON number, or text in decimal notation
 * (`" 80.5 "`, `-3`, `.5`). Hex (`0x50`), exponents (`1e3`), `Infinity`, `NaN`, blank or junk text
 * are an issue on the column, never a silently different number.
 */
export const readingNumber = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value, ctx) => {
    const text = typeof value === 'string' ? value.trim() : undefined;
    const parsed = text === undefined ? value : DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (Number.isFinite(parsed)) return parsed as number;
    const message =
      text === undefined
        ? `${value} is not finite`
        : `"${value}" is not a ${Number.isFinite(Number(text)) && text !== '' ? 'decimal ' : ''}number`;
    ctx.issues.push({ code: 'custom', message, input: value });
    return z.NEVER;
  }),
);

/** A reading number that must be 0 or 1. */
const flag = z.pipe(readingNumber, z.number().check(z.refine((n) => n === 0 || n === 1, 'must be 0 or 1')));

/** A reading number in [0, 1]. */
const probability = z.pipe(
  readingNumber,
  z.number().check(z.refine((n) => n >= 0 && n <= 1, 'must be between 0 and 1')),
);

/**
 * A machine id: text (trimmed, kept exactly as written), or a JSON whole number up to 2^53. A larger
 * JSON number has already lost digits in `JSON.parse`, so it is rejected: send it as a string, or
 * parse with `parseJsonExact`, which hands its exact digits over as text. `1.5` is no id.
 */
const machineId = z.pipe(
  z.union([z.string(), z.number()]),
  z.transform((id, ctx) => {
    if (typeof id === 'string' && id.trim() !== '') return id.trim();
    if (Number.isSafeInteger(id)) return String(id);
    const message =
      typeof id === 'string'
        ? 'must not be blank'
        : Number.isInteger(id)
          ? `${id} is beyond 2^53 and was rounded by JSON parsing; send the id as a string`
          : `${id} is not a whole number`;
    ctx.issues.push({ code: 'custom', message, input: id });
    return z.NEVER;
  }),
);

/**
 * One sensor reading of the smart-manufacturing feed, as CSV text or JSON: the one rule source of
 * what a reading may hold. The four scored fields are required; `anomaly_flag` is 0 or 1,
 * `downtime_risk` in [0, 1], every number finite and in decimal notation; the other numeric columns
 * are parsed when present.
 */
export const MachineReadingSchema = z.object({
  timestamp: z.string().check(z.trim(), z.minLength(1)),
  machine_id: machineId,
  temperature: readingNumber,
  vibration: readingNumber,
  anomaly_flag: flag,
  downtime_risk: probability,
  humidity: z.optional(readingNumber),
  pressure: z.optional(readingNumber),
  energy_consumption: z.optional(readingNumber),
  machine_status: z.optional(readingNumber),
  predicted_remaining_life: z.optional(readingNumber),
  failure_type: z.optional(z.string()),
  maintenance_required: z.optional(readingNumber),
});
/**
 * The columns of a readings CSV (DESIGN §4.3), by the names {@link MachineReadingSchema} uses; a CSV
 * header matches them by normalised name (`Machine ID`, `TEMPERATURE`).
 */
export const MACHINE_READING_COLUMNS: CsvColumnSpec = /* @__PURE__ */ schemaColumns(MachineReadingSchema);
/** What a reading looks like on the wire (CSV strings or JSON numbers). */
export type MachineReadingInput = z.input<typeof MachineReadingSchema>;
/** A parsed reading: numbers are numbers, `machine_id` a string. */
export type MachineReading = z.infer<typeof MachineReadingSchema>;

/** A reading with its maintenance priority score in [0,1], rounded to 4 decimals. */
export const ScoredMachineReadingSchema = z.object({
  timestamp: z.string(),
  machine_id: z.string(),
  temperature: z.number(),
  vibration: z.number(),
  anomaly_flag: z.number(),
  downtime_risk: z.number(),
  humidity: z.optional(z.number()),
  pressure: z.optional(z.number()),
  energy_consumption: z.optional(z.number()),
  machine_status: z.optional(z.number()),
  predicted_remaining_life: z.optional(z.number()),
  failure_type: z.optional(z.string()),
  maintenance_required: z.optional(z.number()),
  maintenance_priority_score: z.number().check(z.gte(0), z.lte(1)),
});
export type ScoredMachineReading = z.infer<typeof ScoredMachineReadingSchema>;

/** The alert raised for a reading whose score is above the alert threshold. */
export const MaintenanceAlertSchema = z.object({
  machine_id: z.string(),
  alert_type: z.literal('HIGH_MAINTENANCE_PRIORITY'),
  score: z.number(),
  timestamp: z.string(),
  recommended_action: z.literal('Schedule immediate maintenance'),
});
export type MaintenanceAlert = z.infer<typeof MaintenanceAlertSchema>;
