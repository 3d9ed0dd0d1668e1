import { encodeJsonLines } from '@sluice/core/codecs';
import type { KinesisBatchHandler, KinesisEvent, LambdaContext } from '@sluice/core/lambda';
import { jsonData, kinesisBatchHandler } from '@sluice/core/lambda';
import { rejected } from '@sluice/core/outcome';
import type {
  MaintenanceAlert,
  MaintenancePriorityOptions,
  ScoredMachineReading,
} from '@sluice/transforms/maintenance';
import { batchObjectKey, maintenanceAlert, scoreMaintenancePriority } from '@sluice/transforms/maintenance';
import { MAINTENANCE_PARQUET } from '../datasets.js';
import { ALERTS_PREFIX } from '../layout.js';
import { storeFromEnvironment } from './environment.js';
import { LakeBatch, type LakeTargetOptions, lakeTarget, writeLakeBatch } from './lake-batch.js';

/** Dependencies of the manufacturing processor; only `store` is required. */
export interface MaintenanceProcessorOptions extends LakeTargetOptions {
  scoring?: MaintenancePriorityOptions;
  alertThreshold?: number;
}

type LakeReading = ScoredMachineReading & { date: string };

/**
 * `manufacturing-data-processor`: scores each reading (`scoreMaintenancePriority`), writes the
 * batch to `lake/maintenance/date=YYYY-MM-DD/` as Parquet and its alerts to `lake/alerts/maintenance/`,
 * file names from the batch's sequence numbers.
 *
 * @example const handler = maintenanceProcessor({ store: new LocalObjectStore('lake') });
 */
export function maintenanceProcessor(options: MaintenanceProcessorOptions): KinesisBatchHandler {
  const target = lakeTarget('maintenance', options, MAINTENANCE_PARQUET, 'date');
  return (event, context) => {
    const batch = new LakeBatch<LakeReading>();
    const alerts: MaintenanceAlert[] = [];
    return kinesisBatchHandler({
      name: 'manufacturing-data-processor',
      metrics: { dimensions: { Pipeline: 'multi-source-lake' } },
      decode: jsonData(undefined, { exactIntegers: true }), // a machine_id beyond 2^53 stays exact
      process: (value, record) => {
        const outcome = scoreMaintenancePriority(value, options.scoring);
        if (outcome.kind !== 'kept') return outcome;
        const date = calendarDateOf(outcome.value.timestamp);
        if (!date) return rejected('invalid-timestamp', `timestamp "${outcome.value.timestamp}" has no date`);
        // The scored reading is a fresh object: it takes its partition column instead of being copied.
        const reading = outcome.value as LakeReading;
        reading.date = date;
        batch.keep(record.sequenceNumber, reading);
        const alert = maintenanceAlert(outcome.value, options.alertThreshold);
        if (alert) alerts.push(alert);
        return outcome;
      },
      onReject: (rejection, record) => batch.reject(record.sequenceNumber, rejection),
      onReport: (report) =>
        writeLakeBatch(target, batch, report, async (batchId) => {
          if (alerts.length === 0) return;
          await options.store.put(batchObjectKey(ALERTS_PREFIX, batchId, 'jsonl'), encodeJsonLines(alerts));
        }),
    })(event, context);
  };
}

// The partition folder must be a real day, or the reading would land in a bogus partition. Readings
// come in time order, so the last day read answers most of them.
let lastDay = { text: '', date: undefined as string | undefined };
function calendarDateOf(timestamp: string): string | undefined {
  const text = timestamp.trim().slice(0, 10);
  if (text !== lastDay.text) lastDay = { text, date: realDay(text) };
  return lastDay.date;
}

function realDay(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date) ? date : undefined;
}

let deployed: KinesisBatchHandler | undefined;

/** The Lambda entry point: configured from the environment (`LAKE_BUCKET`). */
export async function handler(event: KinesisEvent, context?: LambdaContext) {
  deployed ??= maintenanceProcessor({ store: await storeFromEnvironment() });
  return deployed(event, context);
}
