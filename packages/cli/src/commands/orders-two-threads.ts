import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Rejection } from '@sluice/core/outcome';
import { type RunReport, RunTally } from '@sluice/core/outcome';
import { fileChunks, textLines } from '../files.js';
import type { PartFile } from '../part-file.js';
import type { RejectsFile } from '../rejects-file.js';
import { trackTempFile } from '../temp-files.js';
import { HALVES_MIN_BYTES, type OrdersHalves, ordersHalves } from './orders-halves.js';
import type { OrdersJob } from './orders-range.js';

/** Longest record the reader keeps (the transform's default, which the CLI does not change). */
const MAX_RECORD_BYTES = 1024 * 1024;
/** Tests set it to filter small files in halves too; a user never needs to. */
const MIN_BYTES_VARIABLE = 'SLUICE_HALVES_MIN_BYTES';
/**
 * Young generation of each half's thread. V8 grows it to 16 MB semi-spaces under the allocation
 * rate of a file of rejected rows; kept small, peak memory stays that of a clean file.
 */
const YOUNG_GENERATION_MB = 3;
/** Each half's thread: a file of the build (from the sources, the command reads on one thread). */
const HALF_WORKER = new URL('../orders-half.js', import.meta.url);

/** What one half's thread is given: the job, its bytes, and the files it writes. */
export interface HalfJob extends OrdersJob {
  /** Bytes `[start, end)` of the input. */
  start: number;
  end: number;
  /** For the second half: the header line read before its bytes (and left out of its output). */
  header?: Uint8Array;
  /** Where its kept rows go (the first half: the output's temporary file; the second: one of its own). */
  kept: string;
  /** Its rejections as JSON Lines (the second half's lines counted as if it began after the header). */
  rejects: string;
}

/** A half running on its own thread. */
interface HalfThread {
  job: HalfJob;
  /** Resolves to the half's report once its files are written. */
  done: Promise<RunReport>;
  stop(): Promise<void>;
}

/**
 * Where `job`'s file can be cut for {@link filterInHalves}: when it is large, the machine has two
 * cores, the command runs from its build (each half's thread is a file of it) and a safe cut exists;
 * otherwise undefined, and one thread reads the file.
 *
 * @example const halves = halvesFor(job); if (halves) await filterInHalves(job, halves, kept, rejects);
 */
export function halvesFor(job: OrdersJob): OrdersHalves | undefined {
  if (availableParallelism() < 2 || !existsSync(HALF_WORKER)) return undefined;
  return ordersHalves(job.input, MAX_RECORD_BYTES, minBytes());
}

/**
 * Filters both halves at once, each on a thread of its own (the first writing the output), then
 * adds the second half's kept rows after the first's, and the rejections of both in order (the
 * second's lines renumbered): the same bytes, rejections and counts as one pass over the file.
 */
export async function filterInHalves(
  job: OrdersJob,
  halves: OrdersHalves,
  kept: PartFile,
  quarantine: RejectsFile,
): Promise<RunReport> {
  const tally = new RunTally();
  const base = `${kept.file}.${process.pid}`; // beside the output, whose folder is writable
  // The first half writes the output's own temporary file; the second half's rows are added after.
  const first = startHalf(job, { start: 0, end: halves.split }, `${base}.first-half`, kept.part);
  const second = startHalf(
    job,
    { start: halves.split, end: Number.POSITIVE_INFINITY, header: halves.header },
    `${base}.second-half`,
  );
  try {
    const [firstReport, secondReport] = await Promise.all([first.done, second.done]);
    await kept.write(fileChunks(second.job.kept), { append: true });
    await renumbered(first.job.rejects, job.input, 0, quarantine);
    await renumbered(second.job.rejects, job.input, (firstReport.lines ?? 1) - 1, quarantine);
    tally.absorb(firstReport);
    tally.absorb(secondReport);
    tally.countLines((firstReport.lines ?? 0) + (secondReport.lines ?? 0) - 1);
    return tally.report();
  } finally {
    await Promise.all([first.stop(), second.stop()]);
  }
}

function startHalf(
  job: OrdersJob,
  range: Pick<HalfJob, 'start' | 'end' | 'header'>,
  base: string,
  keptTo?: string,
): HalfThread {
  const half: HalfJob = { ...job, ...range, kept: keptTo ?? `${base}.csv`, rejects: `${base}.rejects.jsonl` };
  const files = keptTo ? [half.rejects] : [half.kept, half.rejects]; // the output's own is the command's
  const releases = files.map(trackTempFile);
  const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };
  const thread = new Worker(HALF_WORKER, { workerData: half, resourceLimits });
  const done = new Promise<RunReport>((resolve, reject) => {
    thread.once('message', (message: { report?: RunReport; error?: string }) =>
      message.report ? resolve(message.report) : reject(new HalfError(message.error)),
    );
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new HalfError(`its thread stopped (exit ${code})`)));
  });
  done.catch(() => undefined); // awaited with the other half's; whichever fails first is reported
  const stop = async () => {
    await thread.terminate();
    for (const file of files) rmSync(file, { force: true });
    for (const release of releases) release();
  };
  return { job: half, done, stop };
}

/** A half failed on its thread: its error, in the words it had there. */
class HalfError extends Error {
  override name = 'HalfError';
}

/**
 * Adds a half's rejections to the quarantine as the lines they are, each line number moved on by
 * `shift` (in its position and in its message's `file:line:`).
 */
async function renumbered(
  file: string,
  input: string,
  shift: number,
  quarantine: RejectsFile,
): Promise<void> {
  const move = shift === 0 ? (line: string) => line : lineMover(input, shift);
  let count = 0;
  for await (const line of textLines(file)) {
    quarantine.addLine(move(line));
    if (++count % 1024 === 0) await quarantine.drained();
  }
}

/**
 * Moves the line numbers of a rejection written by `JSON.stringify` (keys in the order `reason`,
 * `message`, `position`, `raw`, and a position `kind`, `file`, `line`, `endLine`): by the text, since
 * the file name is known, or through JSON for any other line.
 */
export function lineMover(input: string, shift: number): (json: string) => string {
  const file = JSON.stringify(input).slice(1, -1);
  const place = `"position":{"kind":"file","file":"${file}","line":`;
  return (json) => {
    const at = json.indexOf(place);
    const message = json.indexOf(`"message":"${file}:`);
    if (at < 0 || message < 0) return JSON.stringify(movedOn(JSON.parse(json) as Rejection, shift));
    const digits = /^(\d+)(,"endLine":(\d+))?/.exec(json.slice(at + place.length));
    const line = Number(digits?.[1]);
    const old = `"message":"${file}:${line}:`;
    if (!digits || !json.startsWith(old, message))
      return JSON.stringify(movedOn(JSON.parse(json) as Rejection, shift));
    const endLine = digits[3] === undefined ? '' : `,"endLine":${Number(digits[3]) + shift}`;
    return (
      json.slice(0, message) +
      `"message":"${file}:${line + shift}:` +
      json.slice(message + old.length, at + place.length) +
      `${line + shift}${endLine}` +
      json.slice(at + place.length + (digits[0]?.length ?? 0))
    );
  };
}

/** A rejection found `shift` lines further down the file: its position and its message's `file:line:`. */
export function movedOn(rejection: Rejection, shift: number): Rejection {
  const position = rejection.position;
  if (position?.kind !== 'file') return rejection;
  const prefix = `${position.file}:${position.line}:`;
  const line = position.line + shift;
  const moved = { ...position, line, ...(position.endLine ? { endLine: position.endLine + shift } : {}) };
  const message = rejection.message.startsWith(prefix)
    ? `${position.file}:${line}:${rejection.message.slice(prefix.length)}`
    : rejection.message;
  return { ...rejection, message, position: moved };
}

function minBytes(): number {
  const text = process.env[MIN_BYTES_VARIABLE] ?? '';
  const value = Number(text);
  return text !== '' && Number.isInteger(value) && value >= 0 ? value : HALVES_MIN_BYTES;
}
