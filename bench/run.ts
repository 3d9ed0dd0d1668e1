// Benchmark runner: `pnpm bench [name…] [--runs N] [--rows N]`. See BENCHMARKS.md for the figures.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { athenaPolling } from './cases/athena-polling.js';
import { botDetection } from './cases/bot-detection.js';
import { bundles } from './cases/bundles.js';
import type { BenchCase } from './cases/case.js';
import { cli } from './cases/cli.js';
import { demo } from './cases/demo.js';
import { ordersPipeline } from './cases/orders-pipeline.js';
import { parquetWrite } from './cases/parquet-write.js';
import { queryEngine } from './cases/query-engine.js';
import { scoring } from './cases/scoring.js';
import { staleOrders } from './cases/stale-orders.js';
import { streamPipelines } from './cases/stream-pipelines.js';
import type { CaseReport } from './report.js';
import { printReport } from './report.js';

// In the order.
const CASES: BenchCase[] = [
  { name: 'stale-orders', defaultRows: 1_000_000, run: staleOrders },
  { name: 'parquet-write', defaultRows: 1_000_000, run: parquetWrite },
  { name: 'query-engine', defaultRows: 1_000_000, run: queryEngine },
  // 200k and 1M events by default, to keep `pnpm bench` to minutes (the general-path variant takes
  // ~27 s at 5M); the 5M events: `pnpm bench bot-detection --rows 1000000`.
  { name: 'bot-detection', defaultRows: 200_000, run: botDetection },
  // 200k by default to keep `pnpm bench` to minutes; the size is `--rows 1000000`.
  { name: 'scoring', defaultRows: 200_000, run: scoring },
  { name: 'bundles', defaultRows: 0, run: bundles },
  { name: 'athena-polling', defaultRows: 0, run: athenaPolling },
  // The compiled `sluice` command as a user runs it: --help start-up, orders filter end to end.
  { name: 'cli', defaultRows: 1_000_000, run: cli },
  // Peak RSS at 0/50/100% rejected rows (~200 MB files) and the one-pass orders object step at 1M.
  { name: 'orders-pipeline', defaultRows: 1_000_000, run: ordersPipeline },
  // Records/s of each stream pipeline through its local runner, beside its transform alone.
  { name: 'stream-pipelines', defaultRows: 200_000, run: streamPipelines },
  // `sluice demo --rows 1000000`, whole process; `--runs 1` keeps it to about a minute a run.
  { name: 'demo', defaultRows: 1_000_000, run: demo },
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, rows: { type: 'string' } },
});
const runs = Number(values.runs);
const unknown = positionals.filter((name) => !CASES.some((c) => c.name === name));
if (unknown.length > 0 || !(runs >= 1)) {
  console.error(`usage: pnpm bench [${CASES.map((c) => c.name).join('|')}…] [--runs N] [--rows N]`);
  process.exit(2);
}

const reports: CaseReport[] = [];
const started = Date.now();
for (const bench of CASES.filter((c) => positionals.length === 0 || positionals.includes(c.name))) {
  const rows = values.rows === undefined ? bench.defaultRows : Number(values.rows);
  const report = await bench.run({ rows, runs });
  printReport(report);
  reports.push(report);
}

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  node: process.version,
  platform: process.platform,
};
const results = { date: new Date().toISOString(), machine, runs, argv: process.argv.slice(2), reports };
await mkdir(new URL('results/', import.meta.url), { recursive: true });
await writeFile(new URL('results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
console.log(
  `\n${reports.length} case(s) in ${((Date.now() - started) / 1000).toFixed(1)} s; bench/results/latest.json`,
);
