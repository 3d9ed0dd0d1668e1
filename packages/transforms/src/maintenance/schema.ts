import * as z from 'zod/mini';
import type { CsvColumnSpec } from '../csv-columns/index.js';
import { schemaColumns } from '../schema-columns.js';
import { FieldIssue, type FieldRule, MACHINE_READING_RULES, readReadingNumber } from './reading-check.js';

/**
 * A field's rule as a zod type: its output, or its issue on the field (an optional rule, one that
 * takes `undefined`, becomes `z.optional`, so an absent field stays absent).
 */
function zodField<T>(rule: FieldRule<T>) {
  const read = z.pipe(
    z.unknown(),
    z.transform((value, ctx) => {
      const field = rule(value);
      if (!(field instanceof FieldIssue)) return field;
      ctx.issues.push({ code: 'custom', message: field.message, input: value });
      return z.NEVER;
    }),
  );
  return rule(undefined) instanceof FieldIssue ? read : z.optional(read);
}

/**
 * Reads a CSV cell or JSON value as a finite number (see `readReadingNumber`): a JSON number, or
 * text in decimal notation (`" 80.5 "`, `-3`, `.5`); hex, exponents, `Infinity`, `NaN`, blank or junk
 * text are an issue on the column, never a silently different number.
 */
export const readingNumber = zodField(readReadingNumber);

const RULES = MACHINE_READING_RULES;

/**
 * One sensor reading of the smart-manufacturing feed, as CSV text or JSON, as zod reads it: each
 * field by its rule in `MACHINE_READING_RULES` (the one rule source, which `checkMachineReading`
 * reads without zod).
 */
export const MachineReadingSchema = z.object({
  timestamp: zodField(RULES.timestamp),
  machine_id: zodField(RULES.machine_id),
  temperature: zodField(RULES.temperature),
  vibration: zodField(RULES.vibration),
  anomaly_flag: zodField(RULES.anomaly_flag),
  downtime_risk: zodField(RULES.downtime_risk),
  humidity: zodField(RULES.humidity),
  pressure: zodField(RULES.pressure),
  energy_consumption: zodField(RULES.energy_consumption),
  machine_status: zodField(RULES.machine_status),
  predicted_remaining_life: zodField(RULES.predicted_remaining_life),
  failure_type: zodField(RULES.failure_type),
  maintenance_required: zodField(RULES.maintenance_required),
});
/**
 * The columns of a readings CSV (DESIGN §4.3), by the names {@link MachineReadingSchema} uses; a CSV
 * header matches them by normalised name (`Machine ID`, `TEMPERATURE`).
 */
export const MACHINE_READING_COLUMNS: CsvColumnSpec = /* @__PURE__ */ schemaColumns(MachineReadingSchema);
export type { MachineReading, MachineReadingInput } from './reading-check.js';

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
