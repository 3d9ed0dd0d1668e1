import {
  describePosition,
  type Rejection,
  type RunReport,
  RunTally,
  type SourcePosition,
  type SourceRecord,
} from '@sluice/core/outcome';
import { BotDetector } from './bot-detector.js';
import { checkBotEvent } from './event-check.js';
import type { BotDetectorOptions } from './options.js';
import { type BotDetection, type BotEvent, describeBotEventIssues } from './schema.js';

/**
 * Validates one raw event (CSV row or JSON record). A bad row becomes a `schema` rejection naming
 * the field and, when given, its position.
 *
 * @example
 * const record = readBotEvent(row, { kind: 'file', file: 'events.csv', line: 2 });
 * if (record.ok) detector.push([record.value]); else quarantine(record.rejection);
 */
export function readBotEvent(row: unknown, position?: SourcePosition): SourceRecord<BotEvent> {
  return readEvent(row, position, '');
}

/** {@link readBotEvent}, the message of a rejection starting with `where` when there is no position. */
function readEvent(
  row: unknown,
  position: SourcePosition | undefined,
  where: string,
): SourceRecord<BotEvent> {
  const checked = checkBotEvent(row);
  if ('value' in checked) return { ok: true, value: checked.value, ...(position && { position }) };
  return {
    ok: false,
    rejection: rejection('schema', describeBotEventIssues(checked.issues), position, where),
  };
}

/** A rejection whose message starts with the row's position, or `where` when it has none. */
function rejection(reason: string, message: string, position: SourcePosition | undefined, where: string) {
  const prefix = position ? `${describePosition(position)}: ` : where;
  return { reason, message: prefix + message, ...(position && { position }) };
}

export interface DetectBotsOptions extends BotDetectorOptions {
  /** Where the i-th row came from, for rejections. */
  positionOf?: (index: number) => SourcePosition;
  /** Clock of the run report. */
  now?: () => number;
}

export interface BotRun {
  detections: BotDetection[];
  rejections: Rejection[];
  /** kept = counted in a window; dropped `late` and `no-key`; rejected `schema` and `future-event`. */
  report: RunReport;
}

/**
 * Bot detection over a finite sequence of events: validates, counts, flushes at the end. An event
 * dated too far ahead (see `maxFutureMs`) is rejected as `future-event` with its position.
 *
 * @example
 * const { detections, report } = detectBots(rows, { windowMs: 10_000, flagThreshold: 5 });
 * // detections: [{ key: '520088904', windowStart, windowEnd, count: 12, severity: 'high' }]
 */
export function detectBots(rows: Iterable<unknown>, options: DetectBotsOptions = {}): BotRun {
  const detector = new BotDetector(options);
  const tally = new RunTally(options.now ? { now: options.now } : {});
  const detections: BotDetection[] = [];
  const rejections: Rejection[] = [];
  let index = 0;
  for (const row of rows) {
    const position = options.positionOf?.(index);
    const where = `event #${index++}: `;
    const record = readEvent(row, position, where);
    if (!record.ok) rejections.push(record.rejection);
    else if (detector.add(record.value, detections) === 'future-event')
      rejections.push(rejection('future-event', detector.describeFuture(record.value), position, where));
  }
  detections.push(...detector.flush());
  const { counted, late, noKey, future } = detector.tally();
  tally.keep(counted);
  if (late) tally.drop('late', late);
  if (noKey) tally.drop('no-key', noKey);
  if (rejections.length > future) tally.reject('schema', rejections.length - future);
  if (future) tally.reject('future-event', future);
  return { detections, rejections, report: tally.report() };
}
