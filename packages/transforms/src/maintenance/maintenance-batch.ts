import type { Rejection, RunReport, SourcePosition, SourceRecord } from '@sluice/core/outcome';
import { describePosition, RunTally } from '@sluice/core/outcome';
import { DEFAULT_ALERT_THRESHOLD, maintenanceAlert } from './alert.js';
import { batchIdFromContent, batchIdFromSequenceNumbers } from './batch-id.js';
import type { MaintenancePriorityOptions } from './priority.js';
import { scoreMaintenancePriority } from './priority.js';
import type { MaintenanceAlert, ScoredMachineReading } from './schema.js';

/** Options of {@link scoreMaintenanceBatch}. */
export interface MaintenanceBatchOptions extends MaintenancePriorityOptions {
  /** Scores above this alert (default 0.7). */
  alertThreshold?: number;
  /** Clock of the run report (default `Date.now`). */
  now?: () => number;
}

/** Everything one batch produced; `report.read` equals the number of input records. */
export interface MaintenanceBatch {
  /** Derived from the input (sequence numbers or content hash), never random or from the clock. */
  batchId: string;
  scored: ScoredMachineReading[];
  alerts: MaintenanceAlert[];
  rejections: Rejection[];
  report: RunReport;
}

/**
 * Scores one batch of readings (e.g. a Kinesis batch, positions carrying sequence numbers) and
 * raises the alerts. Unreadable readings are rejected with their position, never thrown.
 *
 * @example
 * const batch = scoreMaintenanceBatch(records.map((r) => ({ ok: true, value: r.data, position: r.position })));
 * await store.put(batchObjectKey('processed/manufacturing/', batch.batchId, 'jsonl'), encodeJsonLines(batch.scored));
 */
export function scoreMaintenanceBatch(
  records: Iterable<SourceRecord<unknown>>,
  options: MaintenanceBatchOptions = {},
): MaintenanceBatch {
  const tally = new RunTally(options.now ? { now: options.now } : {});
  const input = [...records];
  const batch: Omit<MaintenanceBatch, 'report'> = {
    batchId: batchIdOf(input),
    scored: [],
    alerts: [],
    rejections: [],
  };
  for (const record of input) takeRecord(record, batch, tally, options);
  return { ...batch, report: tally.report() };
}

function takeRecord(
  record: SourceRecord<unknown>,
  batch: Omit<MaintenanceBatch, 'report'>,
  tally: RunTally,
  options: MaintenanceBatchOptions,
): void {
  if (!record.ok) {
    tally.reject(record.rejection.reason);
    batch.rejections.push(record.rejection);
    return;
  }
  const outcome = scoreMaintenancePriority(record.value, options);
  if (outcome.kind === 'kept') {
    tally.keep();
    batch.scored.push(outcome.value);
    const alert = maintenanceAlert(outcome.value, options.alertThreshold ?? DEFAULT_ALERT_THRESHOLD);
    if (alert) batch.alerts.push(alert);
  } else if (outcome.kind === 'rejected') {
    tally.reject(outcome.reason);
    batch.rejections.push(positioned(outcome.reason, outcome.message, record.position, record.value));
  }
}

function positioned(
  reason: string,
  message: string,
  position: SourcePosition | undefined,
  value: unknown,
): Rejection {
  const rejection: Rejection = {
    reason,
    message: `${describePosition(position)}: ${message}`,
    raw: JSON.stringify(value),
  };
  return position ? { ...rejection, position } : rejection;
}

function batchIdOf(records: readonly SourceRecord<unknown>[]): string {
  const sequenceNumbers = records.map(sequenceNumberOf);
  if (sequenceNumbers.length > 0 && sequenceNumbers.every((n): n is string => n !== undefined)) {
    return batchIdFromSequenceNumbers(sequenceNumbers);
  }
  return batchIdFromContent(
    records.map((record) => JSON.stringify(record.ok ? record.value : record.rejection)),
  );
}

function sequenceNumberOf(record: SourceRecord<unknown>): string | undefined {
  const position = record.ok ? record.position : record.rejection.position;
  return position?.kind === 'stream' ? position.sequenceNumber : undefined;
}
