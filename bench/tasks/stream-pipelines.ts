// One stream pipeline of the examples, timed in-process. Usage:
//   stream-pipelines.ts <clickstream|lake|transactions|bots> <runner|transform> <rows> <dir>
// runner: end to end through the example's local runner (records generated first, untimed).
// transform: the pipeline's transform alone over the same records, prepared beforehand (no runner,
// no event building, no sinks). Prints { records, stageMs, stageCpuMs, peakRssMb } on its last line.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LocalObjectStore } from '@sluice/core/storage';
import {
  clicksJsonl,
  eventsCsv,
  type Line,
  manufacturingCsv,
  transactionsJsonl,
  writeLines,
} from '@sluice/datagen';
import { type BotDetection, BotDetector, readBotEvent } from '@sluice/transforms/bots';
import { enrichClickForFirehose } from '@sluice/transforms/clickstream';
import { MACHINE_READING_COLUMNS, scoreMaintenancePriority } from '@sluice/transforms/maintenance';
import { classifyTransaction } from '@sluice/transforms/transactions';
// The examples are wiring, not published packages: the bench reaches into their sources.
import {
  EVENTS_BUCKET,
  KEYS,
  readEventRows,
  runLocalStream,
} from '../../examples/ecommerce-batch-stream/src/index.js';
import {
  csvChunks,
  LAKE_BUCKET,
  maintenanceProcessor,
  RAW_KEYS,
  runBranch,
} from '../../examples/multi-source-lake/src/index.js';
import {
  DEMO_BUCKET as CLICKS_BUCKET,
  ingestClicks,
} from '../../examples/restaurant-clickstream/src/index.js';
import { runTransactionStream } from '../../examples/transaction-stream/src/index.js';
import { peakRssMb } from '../rss.js';

const [pipeline = '', mode = '', rowsArg = '', dir = ''] = process.argv.slice(2);
const rows = Number(rowsArg);
const SEED = 7;

type Stage = () => Promise<number>;
type Pipeline = { runner: () => Promise<Stage | number>; transform: () => Promise<Stage> };

/** Prepares untimed, returns the timed stage (or, for clickstream, the runner's own timing). */
const PIPELINES: Record<string, Pipeline> = {
  clickstream: {
    // The demo's ingest half: HTTP ingest → Firehose buffer → transform → S3 (no insight queries).
    runner: async () => {
      const input = join(dir, 'clicks.jsonl');
      await writeLines(input, clicksJsonl({ rows, seed: SEED }), { progress: false });
      const store = new LocalObjectStore(join(dir, CLICKS_BUCKET));
      return async () => {
        const run = await ingestClicks(store, input, { log: () => {} });
        const failed = run.delivery.rejected['function-error'] ?? 0;
        if (failed > 0)
          throw new Error(`clickstream: ${failed} records went to the error prefix on failed invocations`);
        return run.ingest.read;
      };
    },
    transform: async () => {
      const lines = await generated('clicks.jsonl', clicksJsonl({ rows, seed: SEED }));
      const records = lines.map((line, i) => ({
        recordId: String(i),
        data: Buffer.from(line).toString('base64'),
      }));
      return async () => {
        for (const record of records) enrichClickForFirehose(record);
        return records.length;
      };
    },
  },
  lake: {
    runner: async () => {
      const store = await lakeStore();
      return async () => {
        const { report, stream } = await runBranch({
          domain: 'maintenance',
          store,
          columns: MACHINE_READING_COLUMNS,
          partitionKey: 'machine_id',
          // As the demo runs it (runLocalLake): Lambda's largest Kinesis batch.
          batchSize: 10_000,
          chunkRows: 20_000,
          processor: (batchTag, onBatch) => maintenanceProcessor({ store, batchTag, onBatch }),
        });
        failedNone('lake', stream.failedInvocations);
        return report.read;
      };
    },
    transform: async () => {
      const values: unknown[] = [];
      const chunks = csvChunks(await lakeStore(), RAW_KEYS.maintenance, {
        from: 0,
        size: 5000,
        columns: MACHINE_READING_COLUMNS,
        partitionKey: 'machine_id',
      });
      for await (const chunk of chunks) for (const record of chunk.records) values.push(record.data);
      return async () => {
        for (const value of values) scoreMaintenancePriority(value);
        return values.length;
      };
    },
  },
  transactions: {
    runner: async () => {
      const input = join(dir, 'messages.jsonl');
      await writeLines(input, transactionsJsonl({ rows, seed: SEED }), { progress: false });
      return async () => {
        // The table is read once after the run, item by item, as the demo reads it.
        let stored = 0;
        const readTable = async (items: AsyncIterable<unknown>) => {
          for await (const _ of items) stored++;
        };
        const run = await runTransactionStream({ input, dir: join(dir, 'state'), readTable });
        if (stored === 0) throw new Error('transactions: the run stored nothing');
        return run.queue.received;
      };
    },
    transform: async () => {
      const lines = await generated('messages.jsonl', transactionsJsonl({ rows, seed: SEED }));
      return async () => {
        for (const line of lines) classifyTransaction(line, { largeOrderThreshold: 100 });
        return lines.length;
      };
    },
  },
  bots: {
    runner: async () => {
      await writeLines(join(dir, EVENTS_BUCKET, KEYS.rawEvents), eventsCsv({ rows, seed: SEED }), {
        progress: false,
      });
      return async () => {
        const { stream } = await runLocalStream({ dir, runner: { batchSize: 100 } });
        failedNone('bots', stream.stream.failedInvocations);
        return stream.report.read;
      };
    },
    transform: async () => {
      const file = join(dir, EVENTS_BUCKET, KEYS.rawEvents);
      await writeLines(file, eventsCsv({ rows, seed: SEED }), { progress: false });
      const events: unknown[] = [];
      for await (const row of readEventRows(createReadStream(file), file)) if (row.ok) events.push(row.value);
      return async () => {
        const detector = new BotDetector();
        const out: BotDetection[] = [];
        for (const row of events) {
          const event = readBotEvent(row);
          if (event.ok) detector.add(event.value, out);
        }
        detector.flush();
        return events.length;
      };
    },
  },
};

/** A runner whose handler failed timed retries and dead letters, not the pipeline: refuse the figure. */
function failedNone(pipeline: string, failedInvocations: number): void {
  if (failedInvocations > 0) throw new Error(`${pipeline}: ${failedInvocations} invocations failed`);
}

async function generated(name: string, lines: Iterable<Line>): Promise<string[]> {
  const file = join(dir, name);
  await writeLines(file, lines, { progress: false });
  return (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
}

async function lakeStore(): Promise<LocalObjectStore> {
  const root = join(dir, LAKE_BUCKET);
  await writeLines(join(root, RAW_KEYS.maintenance), manufacturingCsv({ rows, seed: SEED }), {
    progress: false,
  });
  return new LocalObjectStore(root);
}

const chosen = PIPELINES[pipeline];
if (!chosen || (mode !== 'runner' && mode !== 'transform') || !(rows > 0) || !dir) {
  console.error(
    'usage: stream-pipelines.ts <clickstream|lake|transactions|bots> <runner|transform> <rows> <dir>',
  );
  process.exit(2);
}
const prepared = await chosen[mode]();
let records = rows;
let stageMs: number;
// CPU time of the timed stage (user + system, all threads): on a shared machine, wall time also
// counts waiting for a core. Unknown (-1) where the stage is timed inside the example's run.
let stageCpuMs = -1;
if (typeof prepared === 'number') stageMs = prepared;
else {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  records = await prepared();
  stageMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  stageCpuMs = (used.user + used.system) / 1000;
}
console.log(JSON.stringify({ records, stageMs, stageCpuMs, peakRssMb: peakRssMb() }));
