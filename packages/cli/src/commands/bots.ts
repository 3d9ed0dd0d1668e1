import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import {
  type BotDetectorOptions,
  BotDetectorOptionsError,
  detectBotsFromCsv,
  windowSettings,
} from '@sluice/transforms/bots';
import { integer, optional, required } from '../args.js';
import type { CommandRun } from '../command.js';
import { UnreadableInputError, UsageError } from '../errors.js';
import { distinctFiles, outputFolders, readableFile } from '../files.js';
import { commitAll } from '../part-file.js';
import { RejectsFile } from '../rejects-file.js';
import { requireColumns } from '../required-columns.js';

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
  const options = { windowMs, slideMs, flagThreshold, alertThreshold };
  try {
    windowSettings(options);
  } catch (error) {
    throw error instanceof BotDetectorOptionsError ? flagRangeError(error) : error;
  }
  return options;
}

const FLAGS: Record<string, { flag: string; show: (n: number) => string }> = {
  windowMs: { flag: '--window', show: durationText },
  slideMs: { flag: '--slide', show: durationText },
  flagThreshold: { flag: '--flag', show: String },
  alertThreshold: { flag: '--alert', show: String },
};

/** The detector's range error in the CLI's words: the flag, and its range in the flag's units. */
function flagRangeError(error: BotDetectorOptionsError): UsageError {
  const spec = FLAGS[error.option];
  if (spec === undefined) return new UsageError(error.message);
  const why = error.why
    ?.replace('windowMs', '--window')
    .replace('slideMs', '--slide')
    .replace('flagThreshold', '--flag');
  const range = `[${spec.show(error.min)}, ${spec.show(error.max)}]`;
  return new UsageError(
    `${spec.flag} must be in ${range}${why ? ` (${why})` : ''}, got ${spec.show(Number(error.value))}`,
  );
}

/** 60000 → `1m`, 1500 → `1500ms`: the largest unit that reads it exactly. */
function durationText(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return ms % 1_000 === 0 ? `${ms / 1_000}s` : `${ms}ms`;
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
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
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
