// README "scoreMaintenancePriority". Hidden prelude: two Kinesis records (one reading alerts), a
// store, and a notifier with the Notifier port's shape (@sluice/sinks/notify).
import { MemoryObjectStore, type SourcePosition } from '@sluice/core';

const store = new MemoryObjectStore();
const published: { subject?: string; message: string }[] = [];
const notifier = {
  publish: async (notifications: typeof published) => void published.push(...notifications),
};
const kinesisRecords = [
  { machine_id: 'M-1', temperature: 95, vibration: 90, anomaly_flag: 1, downtime_risk: 0.9 },
  { machine_id: 'M-2', temperature: 40, vibration: 10, anomaly_flag: 0, downtime_risk: 0.1 },
].map((reading, i) => ({
  data: { timestamp: '2025-06-30T08:00:00Z', ...reading },
  position: { kind: 'stream', stream: 'readings', sequenceNumber: String(100 + i) } as SourcePosition,
}));

// #region readme
import { encodeJsonLines } from '@sluice/core';
import { batchObjectKey, scoreMaintenanceBatch } from '@sluice/transforms/maintenance';

const batch = scoreMaintenanceBatch(
  kinesisRecords.map((r) => ({ ok: true, value: r.data, position: r.position })),
);
await store.put(
  batchObjectKey('processed/manufacturing/', batch.batchId, 'jsonl'),
  encodeJsonLines(batch.scored),
);
await notifier.publish(
  batch.alerts.map((alert) => ({
    subject: `Maintenance: ${alert.machine_id}`,
    message: JSON.stringify(alert),
  })),
);
// #endregion

export const ran = { store, batch, published };
