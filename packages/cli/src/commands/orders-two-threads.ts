import { existsSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Rejection } from '@sluice/core/outcome';
import { type RunReport, RunTally } from '@sluice/core/outcome';
import { fileChunks, jsonLines } from '../files.js';
import type { PartFile } from '../part-file.js';
import type { RejectsFile } from '../rejects-file.js';
import { trackTempFile } from '../temp-files.js';
import { HALVES_MIN_BYTES, type OrdersHalves, ordersHalves } from './orders-halves.js';
import { type OrdersJob, openOrdersRun } from './orders-range.js';

/** Longest record the reader keeps (the transform's default, which the CLI does not change). */
const MAX_RECORD_BYTES = 1024 * 1024;
/** Tests set it to filter small files in halves too; a user never needs to. */
const MIN_BYTES_VARIABLE = 'SLUICE_HALVES_MIN_BYTES';

/** What the second thread is given: the job, where its half starts, and where it writes. */
export interface SecondHalfJob extends OrdersJob {
  halves: OrdersHalves;
  /** Kept rows of the second half (no header), then renamed into the output after the first half's. */
  kept: string;
  /** Its rejections as JSON Lines, lines numbered as if its half began the file after the header. */
  rejects: string;
}

/** The second half, running on its own thread. */
export interface SecondThread {
  job: SecondHalfJob;
  /** Resolves to the second half's report once its files are written. */
  done: Promise<RunReport>;
  /** Stops the thread (if still running) and removes its files. */
  stop(): Promise<void>;
}

/**
 * Starts the second half of `job` on a worker thread when the file is large, the machine has two
 * cores, the command runs from its build (the worker is a file of it) and a safe cut exists;
 * otherwise undefined, and one thread reads the file.
 *
 * @example const second = secondThread(job, 'kept.csv'); if (second) await filterInHalves(job, second, kept, rejects);
 */
export function secondThread(job: OrdersJob, output: string): SecondThread | undefined {
  const worker = new URL('../orders-second-half.js', import.meta.url);
  if (availableParallelism() < 2 || !import.meta.url.endsWith('.js') || !existsSync(worker)) return undefined;
  const halves = ordersHalves(job.input, MAX_RECORD_BYTES, minBytes());
  if (!halves) return undefined;
  const base = `${output}.${process.pid}.second-half`; // beside the output, whose folder is writable
  const half: SecondHalfJob = { ...job, halves, kept: `${base}.csv`, rejects: `${base}.rejects.jsonl` };
  const files = [half.kept, half.rejects].flatMap((file) => [file, `${file}.part`]);
  const releases = files.map(trackTempFile);
  const thread = new Worker(worker, { workerData: half });
  const done = new Promise<RunReport>((resolve, reject) => {
    thread.once('message', (message: { report?: RunReport; error?: string }) =>
      message.report ? resolve(message.report) : reject(new Error(message.error)),
    );
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the second half stopped (exit ${code})`)));
  });
  done.catch(() => undefined); // awaited by filterInHalves; a failure of the first half stops it first
  const stop = async () => {
    await thread.terminate();
    for (const file of files) rmSync(file, { force: true });
    for (const release of releases) release();
  };
  return { job: half, done, stop };
}

/**
 * Filters the first half here while the second runs on its thread, then appends the second half's
 * kept rows and rejections (their lines renumbered) after the first's: the same bytes, rejections
 * and counts as one pass over the file.
 */
export async function filterInHalves(
  job: OrdersJob,
  second: SecondThread,
  kept: PartFile,
  quarantine: RejectsFile,
): Promise<RunReport> {
  const tally = new RunTally();
  try {
    const chunks = fileChunks(job.input, { end: second.job.halves.split });
    const first = await openOrdersRun(job, chunks, quarantine);
    let secondReport: RunReport | undefined;
    await kept.write(
      (async function* () {
        yield* first.csv;
        secondReport = await second.done;
        yield* fileChunks(second.job.kept);
      })(),
    );
    const firstReport = first.report();
    const report = secondReport as RunReport;
    await renumbered(second.job.rejects, (firstReport.lines ?? 1) - 1, quarantine);
    tally.absorb(firstReport);
    tally.absorb(report);
    tally.countLines((firstReport.lines ?? 0) + (report.lines ?? 0) - 1);
    return tally.report();
  } finally {
    await second.stop();
  }
}

/** Adds the second half's rejections to the quarantine, each line number moved on by `shift`. */
async function renumbered(file: string, shift: number, quarantine: RejectsFile): Promise<void> {
  let count = 0;
  for await (const rejection of jsonLines<Rejection>(file)) {
    quarantine.add(movedOn(rejection, shift));
    if (++count % 1024 === 0) await quarantine.drained();
  }
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
