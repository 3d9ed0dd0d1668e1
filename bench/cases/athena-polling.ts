import { AthenaDeadlineError, createAthenaEngine } from '@sluice/athena/aws';
import { AthenaFake } from '@sluice/athena/testing';
import type { CaseReport, Goal, Row } from '../report.js';
import type { BenchSettings } from './case.js';

const SQL = 'SELECT 1 AS one';
const DONE = { state: 'SUCCEEDED' as const, columns: [{ name: 'one', type: 'integer' }], rows: [['1']] };
const DURATIONS_MS = [1_000, 10_000, 60_000];
const FIXED_POLL_MS = 200;
const SEEDS = 25;

/**
 * Case 7: the Athena runner's polling against the local AthenaFake, for queries that take 1 s, 10 s
 * and 60 s of SIMULATED time: the engine's injected `sleep` advances a virtual clock, so waiting is
 * free and exact. Counts GetQueryExecution calls and the latency added after the query finished,
 * over 25 jitter seeds, against a fixed 200 ms poller (computed: it polls at 0, 200, 400… ms).
 */
export async function athenaPolling(_: BenchSettings): Promise<CaseReport> {
  const rows: Row[] = [];
  const goals: Goal[] = [];
  for (const duration of DURATIONS_MS) {
    const runs = [];
    for (let seed = 1; seed <= SEEDS; seed++) runs.push(await pollQuery(duration, seed));
    const calls = median(runs.map((r) => r.calls));
    const latency = median(runs.map((r) => r.addedMs));
    const fixedCalls = Math.floor(duration / FIXED_POLL_MS) + 1;
    rows.push(
      {
        variant: 'sluice backoff',
        rows: duration,
        medianMs: latency,
        medianRssMb: 0,
        note: `${calls} GetQueryExecution (max latency ${Math.max(...runs.map((r) => r.addedMs)).toFixed(0)} ms)`,
      },
      {
        variant: 'fixed 200 ms',
        rows: duration,
        medianMs: 0,
        medianRssMb: 0,
        note: `${fixedCalls} GetQueryExecution`,
      },
    );
    goals.push({
      goal: `${duration / 1000} s query: fewer calls than a fixed 200 ms poller`,
      measured: `${calls} vs ${fixedCalls} calls, +${latency.toFixed(0)} ms median latency`,
      met: calls < fixedCalls,
    });
  }
  return {
    name: 'athena-polling',
    title:
      "Athena runner polling on AthenaFake, simulated time (the 'rows' column is the query's duration in ms; wall ms = added latency)",
    rows,
    goals,
    checks: { seeds: SEEDS, clock: 'virtual (injected sleep/now)' },
  };
}

/** One query of `duration` simulated ms: the polls it takes and the latency they add. */
async function pollQuery(duration: number, seed: number): Promise<{ calls: number; addedMs: number }> {
  // Pass 1: a query that never ends gives the poll times of this seed's schedule.
  const times = await pollTimes(duration * 2 + 60_000, seed);
  const running = times.filter((t) => t < duration).length;
  // Pass 2: the same schedule against a query done after `running` polls, through the real client.
  const fake = new AthenaFake().script(SQL, { runningPolls: running, outcome: DONE });
  await fake.start();
  try {
    await engineOn(fake, seed, duration * 10).execute(SQL);
    const calls = fake.count('GetQueryExecution');
    return { calls, addedMs: (times[calls - 1] ?? Number.NaN) - duration };
  } finally {
    await fake.stop();
  }
}

async function pollTimes(deadlineMs: number, seed: number): Promise<number[]> {
  const fake = new AthenaFake().script(SQL, { outcome: { state: 'RUNNING' } });
  await fake.start();
  const clock = { now: 0, times: [0] }; // the first poll comes at once, then one after each sleep
  const engine = engineOn(fake, seed, deadlineMs, clock);
  await engine.execute(SQL).catch((error: unknown) => {
    if (!(error instanceof AthenaDeadlineError)) throw error;
  });
  await fake.stop();
  return clock.times;
}

function engineOn(
  fake: AthenaFake,
  seed: number,
  deadlineMs: number,
  clock = { now: 0, times: [] as number[] },
) {
  const random = mulberry32(seed);
  return createAthenaEngine({
    client: fake.clientConfig(),
    outputLocation: 's3://bench/results/',
    deadlineMs,
    random,
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms;
      clock.times.push(clock.now);
    },
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/** A small seeded generator, so each seed's jitter is the same in both passes. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
