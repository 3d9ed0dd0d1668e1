import * as z from 'zod/mini';
import type { CsvColumnSpec } from '../csv-columns/index.js';

/** Reads a CSV cell or JSON value as a finite number; blank or junk text is an issue on its column. */
export const readingNumber = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value, ctx) => {
    const parsed = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
    if (Number.isFinite(parsed)) return parsed;
    ctx.issues.push({ code: 'custom', message: `"${value}" is not a number`, input: value });
    return z.NEVER;
  }),
);

const machineId = z.pipe(
  z.union([z.string().check(z.trim(), z.minLength(1)), z.number()]),
  z.transform((id) => String(id)),
);

/**
 * One sensor reading of the smart-manufacturing feed, as CSV text or JSON. The four scored fields
 * are required; the other numeric columns are parsed when present.
 */
export const MachineReadingSchema = z.object({
  timestamp: z.string().check(z.trim(), z.minLength(1)),
  machine_id: machineId,
  temperature: readingNumber,
  vibration: readingNumber,
  anomaly_flag: readingNumber,
  downtime_risk: readingNumber,
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
export const MACHINE_READING_COLUMNS: CsvColumnSpec = {
  required: ['timestamp', 'machine_id', 'temperature', 'vibration', 'anomaly_flag', 'downtime_risk'],
  optional: [
    'humidity',
    'pressure',
    'energy_consumption',
    'machine_status',
    'predicted_remaining_life',
    'failure_type',
    'maintenance_required',
  ],
};
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
