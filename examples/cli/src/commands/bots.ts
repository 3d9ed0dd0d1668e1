import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import type { Rejection } from '@sluice/core/outcome';
import { type BotDetectorOptions, detectBotsFromCsv } from '@sluice/transforms/bots';
import { integer, parseFlags, required } from '../args.js';
import type { Command } from '../command.js';
import { UnreadableInputError, UsageError } from '../errors.js';
import { readableFile, requireColumns } from '../files.js';

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
async function detectInFile(file: string, options: BotDetectorOptions, quarantine: Quarantine) {
  try {
    return await detectInStream(file, options, quarantine);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new UnreadableInputError(file, error);
    throw error;
  }
}

/** Where rejected rows go: streamed to `--rejects` as JSON Lines, or kept for the result. */
interface Quarantine {
  add(rejection: Rejection): void;
  close(): Promise<{ rejects: string } | { rejections: Rejection[] }>;
}

function quarantineFor(file: string | undefined): Quarantine {
  if (file === undefined) {
    const rejections: Rejection[] = [];
    return { add: (r) => rejections.push(r), close: async () => ({ rejections }) };
  }
  const out: WriteStream = createWriteStream(file);
  return {
    add: (r) => out.write(`${JSON.stringify(r)}\n`),
    close: async () => {
      out.end();
      await once(out, 'finish');
      return { rejects: file };
    },
  };
}

/**
 * Streams the file through the byte-level detector (odd lines take the general reader and schema):
 * memory holds open windows, never the file. Rejected rows go to the quarantine with file:line.
 */
async function detectInStream(file: string, options: BotDetectorOptions, quarantine: Quarantine) {
  const input = createReadStream(file, { highWaterMark: 1024 * 1024 });
  const onRejected = (rejection: Rejection) => quarantine.add(rejection);
  const { report, detections } = await detectBotsFromCsv(input, { ...options, file, onRejected });
  return { report, detections };
}

/**
 * `sluice bots detect`: bot / DDoS detection over a rees46 events CSV, tumbling windows by default,
 * sliding with `--slide`. Prints `{report, detections}` plus the rejected rows (`rejections`, or the
 * `rejects` file they were streamed to with `--rejects`); late events are counted in the report.
 *
 * @example sluice bots detect --input events.csv --window 10s --slide 5s --flag 5 --alert 10
 */
export const botsDetect: Command = {
  name: 'bots detect',
  usage:
    'sluice bots detect --input FILE [--window 10s] [--slide DURATION] [--flag N] [--alert N] [--rejects FILE.jsonl]',
  async run(argv) {
    const { values } = parseFlags(argv, {
      input: { type: 'string' },
      window: { type: 'string' },
      slide: { type: 'string' },
      flag: { type: 'string' },
      alert: { type: 'string' },
      rejects: { type: 'string' },
    });
    const input = required(values, 'input');
    const options = detectorOptions(values);
    await readableFile(input);
    await requireColumns(input, ['event_time', 'event_type', 'user_id']);
    const quarantine = quarantineFor(values.rejects === undefined ? undefined : required(values, 'rejects'));
    const { report, detections } = await detectInFile(input, options, quarantine);
    return { report, detections, ...(await quarantine.close()) };
  },
};
