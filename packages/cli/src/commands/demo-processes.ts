import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { DashboardData } from '@sluice/example-dashboard';
import type { DemoExample, DemoResult } from './demo-examples.js';
import { nextPipeline, plannedOrder } from './demo-schedule.js';

/** What a pipeline process is asked to run (its argument, as JSON). */
export interface PipelineRequest {
  name: string;
  /** The demo's folder, which the dashboard's tables are read from. */
  out: string;
  dir: string;
  rows: number;
  seed: number;
}

/** What a pipeline process sends its parent: log lines as they come, then its result or its error. */
export type PipelineMessage = { log: string } | PipelineOutcome | { error: string };

/** A pipeline's result and its part of the dashboard snapshot. */
export interface PipelineOutcome {
  result: DemoResult;
  page: DashboardData;
  /** From its process's start to its result. */
  elapsedMs: number;
}

/** One pipeline's run as the demo reports it. */
export interface PipelineRun {
  name: string;
  title: string;
  elapsedMs: number;
  result: DemoResult;
  /** Its section of the dashboard, queried in its process when it ended. */
  page: DashboardData;
}

/** Hooks of {@link runPipelines}: a pipeline starts, logs a line, or ends. */
export interface PipelineEvents {
  started(example: DemoExample): void;
  log(line: string): void;
  ended(run: PipelineRun): void;
}

// Two at a time whatever the machine: each pipeline alone may take hundreds of MB at 1M rows, and
// the demo's memory goal counts every process running at once.
const LANES = Math.min(2, availableParallelism());

/**
 * Runs each pipeline in a process of its own (its heap and parquet-wasm's memory go back to the
 * system when it ends), up to `LANES` at a time, in the order whose lanes end soonest by their
 * costs (`plannedOrder`), a second one only when their expected peaks fit the memory budget
 * together (`nextPipeline`).
 * Returns the runs in the order given; the first failure stops the others and is thrown, naming
 * the pipeline.
 *
 * @example const runs = await runPipelines(DEMO_EXAMPLES, 20_000, (e) => ({ name: e.name, out, dir, rows, seed }), events);
 */
export async function runPipelines(
  examples: readonly DemoExample[],
  rows: number,
  requestOf: (example: DemoExample) => PipelineRequest,
  events: PipelineEvents,
): Promise<PipelineRun[]> {
  const queue = plannedOrder(examples, rows, LANES);
  const children = new Set<ChildProcess>();
  const running = new Map<DemoExample, Promise<void>>();
  const runs = new Map<string, PipelineRun>();
  const failures: unknown[] = [];
  const run = async (example: DemoExample) => {
    events.started(example);
    const { result, page, elapsedMs } = await runChild(requestOf(example), events.log, children);
    const done = { name: example.name, title: example.title, elapsedMs, result, page };
    events.ended(done);
    runs.set(example.name, done);
  };
  const stop = (error: unknown) => {
    failures.push(error);
    queue.length = 0;
    for (const child of children) child.kill();
  };
  // Each turn starts one pipeline or waits for one to end: at most two turns per pipeline.
  for (let turn = 0; turn < 2 * examples.length && queue.length > 0; turn++) {
    const next = running.size < LANES ? nextPipeline(queue, [...running.keys()], rows) : undefined;
    if (!next) {
      await Promise.race(running.values());
      continue;
    }
    queue.splice(queue.indexOf(next), 1);
    const ended = run(next)
      .catch(stop)
      .finally(() => running.delete(next));
    running.set(next, ended);
  }
  await Promise.all(running.values());
  if (failures.length > 0) throw failures[0];
  return examples.map((example) => runs.get(example.name) as PipelineRun);
}

// In the bundle this file is a chunk in dist/chunks/ and the entry is dist/demo-pipeline.js; run
// from source (tests, bench) it is src/commands/ beside src/demo-pipeline.ts, run through tsx.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = new URL(`../demo-pipeline.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);
const SOURCE_EXEC_ARGV = ['--conditions=@sluice/source', '--import', 'tsx'];

function runChild(
  request: PipelineRequest,
  log: (line: string) => void,
  running: Set<ChildProcess>,
): Promise<PipelineOutcome> {
  const child = fork(ENTRY, [JSON.stringify(request)], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
    ...(FROM_SOURCE && { execArgv: SOURCE_EXEC_ARGV }),
  });
  running.add(child);
  const said = { last: '' };
  for (const stream of [child.stdout, child.stderr]) forwardLines(stream, log, said);
  let outcome: PipelineMessage | undefined;
  child.on('message', (message: PipelineMessage) => {
    if ('log' in message) log(message.log);
    else outcome = message;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      running.delete(child);
      if (outcome && 'result' in outcome && code === 0) return resolve(outcome);
      const why = outcome && 'error' in outcome ? outcome.error : ended(code, signal, said.last);
      reject(new Error(`${request.name}: ${why}`));
    });
  });
}

/** A process's own output (warnings, a crash) goes to the demo's log line by line, the last kept. */
function forwardLines(stream: Readable | null, log: (line: string) => void, said: { last: string }) {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (line) => {
    log(line);
    if (line.trim() !== '') said.last = line.trim();
  });
}

function ended(code: number | null, signal: NodeJS.Signals | null, last: string): string {
  const how = signal ? `stopped by ${signal}` : `exited with code ${code}`;
  return last ? `${how} (${last})` : how;
}
