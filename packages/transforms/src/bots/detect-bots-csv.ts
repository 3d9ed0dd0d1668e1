import { type CsvInput, type CsvReadOptions, openCsvScan } from '@sluice/core/codecs';
import type { Rejection } from '@sluice/core/outcome';
import { BotCsvRules } from './csv-rules.js';
import type { BotRun } from './detect-bots.js';
import { findBotEventColumns } from './event-columns.js';
import type { BotDetectorOptions } from './options.js';

/** Rejections `detectBotsFromCsv` keeps when no `onRejected` is given (the report counts them all). */
export const REJECTION_SAMPLE = 100;

export interface DetectBotsFromCsvOptions
  extends BotDetectorOptions,
    Pick<CsvReadOptions, 'file' | 'delimiter' | 'encoding' | 'maxRecordBytes' | 'now'> {
  /**
   * Receives every rejection as it is found (reader and schema rejections, with file and line).
   * Without it, `rejections` holds only the first {@link REJECTION_SAMPLE}: pass it whenever the
   * input may hold many bad rows and every one must reach a quarantine.
   */
  onRejected?: (rejection: Rejection) => void;
  /** Called after each input chunk with the detector's open state (for progress or memory checks). */
  onChunk?: (state: { windows: number; counters: number }) => void;
}

/**
 * Bot detection over a CSV file of events, streamed through core's CSV reader. Columns are found
 * by normalised name; each record is counted (`kept`), dropped `late`, `no-key` or `blank-line`, or
 * rejected (`schema`, or what the reader cannot read: `ragged-row`, `unterminated-quote`, …). Plain
 * lines are decided from their bytes and anything else by `checkBotEvent`, with identical
 * outcomes, so the detections are those of {@link detectBots} over the same rows. The report is the
 * reader's: it also counts physical `lines`. Memory holds the open windows and one input chunk.
 *
 * @example
 * const run = await detectBotsFromCsv(createReadStream('events.csv', { highWaterMark: 1 << 20 }), {
 *   file: 'events.csv',
 *   keyBy: 'user_id',
 *   onRejected: (rejection) => quarantine.write(rejection),
 * });
 * run.report; // { read: 5000000, kept: 4999817, dropped: { late: 183 }, rejected: {}, lines: 5000001, ... }
 */
export async function detectBotsFromCsv(
  input: CsvInput,
  options: DetectBotsFromCsvOptions = {},
): Promise<BotRun> {
  const { onRejected, onChunk, file = 'input.csv', delimiter, encoding, maxRecordBytes, now } = options;
  const scan = await openCsvScan(input, { file, delimiter, encoding, maxRecordBytes, now });
  const columns = await scan.closedOnError(() => findBotEventColumns(scan, file, options.keyBy));
  const rules = new BotCsvRules(columns, options);
  const rejections: Rejection[] = [];
  const sample = (rejection: Rejection) => {
    if (rejections.length < REJECTION_SAMPLE) rejections.push(rejection);
  };
  scan.start(rules, { onRejected: onRejected ?? sample });
  try {
    while (await scan.step()) onChunk?.(rules.stateSize);
  } finally {
    await scan.close();
  }
  rules.finish();
  return { detections: rules.detections, rejections, report: scan.report() };
}
