import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { type BotDetectorOptions, detectBotsFromCsv } from '@sluice/transforms/bots';
import { integer, optional, required } from '../args.js';
import type { CommandRun } from '../command.js';
import { UnreadableInputError, UsageError } from '../errors.js';
import { distinctFiles, outputFolders, readableFile, requireColumns } from '../files.js';
import { commitAll } from '../part-file.js';
import { pacedBy, RejectsFile } from '../rejects-file.js';

const DURATION = /^(\d+)(ms|s|m)$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;

/** `10s`, `500ms`, `1m` in milliseconds; anything else (or zero) is a usage error. */
function duration(values: Record<string, unknown>, name: string, fallback: number): number {
  const value = values[name];
  if (value === undefined) return fallback;
  const match = typeof value === 'string' ? DURATION.exec(value) : null;
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : 0;
  if (!Number.isSafeInteger(ms) || ms <= 0)
    throw new UsageError(`--${name} must be a duration like 10s, 500ms or 1m, got "${String(value)}"`);
  return ms;
}

function detectorOptions(values: Record<string, unknown>): BotDetectorOptions {
  const windowMs = duration(values, 'window', 10_000);
  const slideMs = duration(values, 'slide', windowMs);
  if (slideMs > windowMs)
    throw new UsageError(`--slide (${slideMs} ms) must not exceed --window (${windowMs} ms)`);
  const flagThreshold = integer(values, 'flag', 5, 0);
  const alertThreshold = integer(values, 'alert', Math.max(10, flagThreshold), 0);
  if (alertThreshold < flagThreshold)
    throw new UsageError(`--alert (${alertThreshold}) must be at least --flag (${flagThreshold})`);
  return { windowMs, slideMs, flagThreshold, alertThreshold };
}

/** A missing, unreadable or non-file input fails with one message naming the file. */
async function detectInFile(file: string, options: BotDetectorOptions, quarantine: RejectsFile) {
  try {
    return await detectInStream(file, options, quarantine);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new UnreadableInputError(file, error);
    throw error;
  }
}

/**
 * Streams the file through the byte-level detector (odd lines take the general reader and schema):
 * memory holds open windows, never the file nor its rejected rows, which stream to the rejects file.
 */
async function detectInStream(file: string, options: BotDetectorOptions, quarantine: RejectsFile) {
  const input = pacedBy(createReadStream(file, { highWaterMark: 1024 * 1024 }), quarantine);
  const { report, detections } = await detectBotsFromCsv(input, {
    ...options,
    file,
    onRejected: quarantine.add,
  });
  return { report, detections };
}

/**
 * `sluice bots detect`: bot / DDoS detection over a rees46 events CSV, tumbling windows by default,
 * sliding with `--slide`. Prints `{report, detections, rejects, rejected}`; rejected rows stream to
 * `--rejects` (default `<input name>.rejects.jsonl` in the current folder); late events are counted
 * in the report.
 *
 * @example sluice bots detect --input events.csv --window 10s --slide 5s --flag 5 --alert 10
 */
export const botsDetect: CommandRun = async ({ values }) => {
  const input = required(values, 'input');
  const options = detectorOptions(values);
  const rejects = optional(values, 'rejects') ?? `${basename(input)}.rejects.jsonl`;
  await distinctFiles({ input, rejects });
  await readableFile(input);
  await outputFolders([rejects]);
  await requireColumns(input, ['event_time', 'event_type', 'user_id']);
  const quarantine = new RejectsFile(rejects);
  let run: Awaited<ReturnType<typeof detectInFile>> | undefined;
  await commitAll([quarantine], async () => {
    run = await detectInFile(input, options, quarantine);
  });
  return { report: run?.report, detections: run?.detections, rejects, rejected: quarantine.count };
};
