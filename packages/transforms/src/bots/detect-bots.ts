import {
  describePosition,
  type Rejection,
  type RunReport,
  RunTally,
  type SourcePosition,
  type SourceRecord,
} from '@sluice/core/outcome';
import { describeIssues } from '@sluice/core/validation';
import { BotDetector } from './bot-detector.js';
import { checkBotEvent } from './event-check.js';
import type { BotDetectorOptions } from './options.js';
import type { BotDetection, BotEvent } from './schema.js';

/**
 * Validates one raw event (CSV row or JSON record). A bad row becomes a `schema` rejection naming
 * the field and, when given, its position.
 *
 * @example
 * const record = readBotEvent(row, { kind: 'file', file: 'events.csv', line: 2 });
 * if (record.ok) detector.push([record.value]); else quarantine(record.rejection);
 */
export function readBotEvent(row: unknown, position?: SourcePosition): SourceRecord<BotEvent> {
  const checked = checkBotEvent(row);
  if ('value' in checked) return { ok: true, value: checked.value, ...(position && { position }) };
  return { ok: false, rejection: rejection('schema', describeIssues(checked.issues), position) };
}

/** A rejection whose message starts with the row's position, or `where` when it has none. */
function rejection(reason: string, message: string, position?: SourcePosition, where = ''): Rejection {
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
    const checked = checkBotEvent(row);
    const outcome = 'value' in checked ? detector.add(checked.value, detections) : 'schema';
    if (outcome === 'counted') tally.keep();
    else if (outcome === 'late' || outcome === 'no-key') tally.drop(outcome);
    else {
      tally.reject(outcome);
      const why =
        'value' in checked ? detector.describeFuture(checked.value) : describeIssues(checked.issues);
      rejections.push(rejection(outcome, why, position, where));
    }
  }
  detections.push(...detector.flush());
  return { detections, rejections, report: tally.report() };
}
