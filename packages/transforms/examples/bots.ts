// README "detectBots / BotDetector". Hidden prelude: eight events of one user within 10 s (a bot),
// one with an empty user id and one not an event; a quarantine; and two Kinesis tumbling-window
// invocations for the stream half.
import type { Rejection, SourcePosition } from '@sluice/core';
import type { BotDetection, BotDetectorState } from '@sluice/transforms/bots';

const at = (second: number, user: string) => ({
  event_time: `2019-11-01 00:00:${String(second).padStart(2, '0')} UTC`,
  event_type: 'view',
  product_id: '1003461',
  category_id: '2053013555631882655',
  category_code: '',
  brand: 'xiaomi',
  price: '489.07',
  user_id: user,
  user_session: `session-${user}`,
});
const rows: unknown[] = [
  ...Array.from({ length: 8 }, (_, i) => at(i, '520088904')),
  at(3, ''),
  { event_time: 'soon' },
];
const quarantine = {
  rejections: [] as Rejection[],
  write: async (rejections: Rejection[]) => void quarantine.rejections.push(...rejections),
};
const flagged: BotDetection[] = [];
interface TumblingWindowEvent {
  state?: { detector?: BotDetectorState };
  isFinalInvokeForWindow: boolean;
}
type StreamRecord = { data: unknown; position: SourcePosition };

// #region readme
import { BotDetector, detectBots, readBotEvent } from '@sluice/transforms/bots';

// A finite set: validation, rejections with position, report.
const { detections, rejections, report } = detectBots(rows, {
  positionOf: (i) => ({ kind: 'file', file: 'events.csv', line: i + 2 }),
});
// report: { read: 10, kept: 8, dropped: {}, rejected: { schema: 2 }, ... } (late and no-key events are dropped)

// A stream (e.g. a Kinesis Lambda with tumbling-window state): small JSON state between calls.
async function onRecords(event: TumblingWindowEvent, records: readonly StreamRecord[]) {
  const detector = new BotDetector({ keyBy: 'user_session', windowMs: 60_000, slideMs: 10_000 });
  if (event.state?.detector) detector.restore(event.state.detector);
  const read = records.map((r) => readBotEvent(r.data, r.position));
  for (const r of read) if (!r.ok) await quarantine.write([r.rejection]); // never drop unread events silently
  const events = read.flatMap((r) => (r.ok ? [r.value] : []));
  const found = event.isFinalInvokeForWindow
    ? [...detector.push(events), ...detector.flush()]
    : detector.push(events);
  flagged.push(...found);
  return { state: { detector: detector.snapshot() } };
}
// #endregion

const records = rows.map(
  (data, i): StreamRecord => ({
    data,
    position: { kind: 'stream', stream: 'events', sequenceNumber: String(i) },
  }),
);
const first = await onRecords({ isFinalInvokeForWindow: false }, records.slice(0, 4));
await onRecords({ ...first, isFinalInvokeForWindow: true }, records.slice(4));
export const ran = { detections, rejections, report, flagged, quarantined: quarantine.rejections };
