import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type RecordBatch, Table, tableToIPC } from 'apache-arrow';
import type { BatchSource } from './batch-source.js';
import { ParquetEncodeError, ParquetOptionsError } from './errors.js';
import { loadedParquetWasmModule, loadedParquetWasmPath } from './wasm.js';
import { propertiesOfPlan, type WriterPlan } from './writer-properties.js';

// The worker runs parquet-wasm's stream writer on batches it receives as Arrow IPC bytes and posts
// back the file's bytes. It asks for a batch (`pull`) only when it has none, so at most one batch
// waits for it while the main thread builds the next. Evaluated from a string: no worker file to
// find next to the code. The writer properties come from the one propertiesOfPlan.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const wasm = await import(workerData.glue);
  await wasm.default({ module_or_path: workerData.module });
  const properties = (${propertiesOfPlan})(wasm, workerData.plan);
  const queue = [];
  let ended = false;
  let wake;
  parentPort.on('message', (message) => {
    if (message === null) ended = true;
    else queue.push(message);
    const resume = wake;
    wake = undefined;
    resume?.();
  });
  const toBatch = (bytes) => {
    const table = wasm.Table.fromIPCStream(new Uint8Array(bytes));
    try {
      return table.recordBatch(0);
    } finally {
      table.free();
    }
  };
  const input = new ReadableStream(
    {
      async pull(controller) {
        if (queue.length === 0 && !ended) {
          const arrived = new Promise((resolve) => (wake = resolve));
          parentPort.postMessage({ pull: true });
          await arrived;
        }
        if (queue.length > 0) controller.enqueue(toBatch(queue.shift()));
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const output = await wasm.transformParquetStream(input, properties);
  for await (const chunk of output) {
    const copy = chunk.slice();
    parentPort.postMessage({ chunk: copy.buffer }, [copy.buffer]);
  }
  parentPort.postMessage({ done: true });
  parentPort.close();
})().catch((error) => {
  parentPort.postMessage({ error: String((error && error.message) || error) });
});
`;

type WorkerMessage = { pull: true } | { chunk: ArrayBuffer } | { done: true } | { error: string };

/**
 * Encodes the batches of `batches` (whose first batch is `first`) in a worker thread, so that the
 * main thread reads and builds the next row group while the worker encodes the last. The file is
 * the one the main-thread writer makes: same properties, one row group per batch. A failing feed
 * or a failing encode throws, after the worker is stopped.
 */
export async function* encodeInWorker(
  batches: BatchSource,
  first: RecordBatch,
  plan: WriterPlan,
): AsyncGenerator<Uint8Array> {
  const module = loadedParquetWasmModule();
  if (!module) throw new ParquetEncodeError('parquet-wasm is not loaded');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { glue: glueUrl(), module, plan },
    // Its JavaScript holds a batch or two of bytes; parquet-wasm's memory is outside these limits.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
  });
  const chunks: Uint8Array[] = [];
  let credits = 0;
  let finished = false;
  let failure: { error: unknown } | undefined;
  let waiters: (() => void)[] = [];
  const fail = (error: unknown) => {
    failure ??= { error };
    signal();
  };
  const signal = () => {
    const resume = waiters;
    waiters = [];
    for (const wake of resume) wake();
  };
  const until = async (ready: () => boolean) => {
    while (!ready() && !failure) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  worker.on('message', (message: WorkerMessage) => {
    if ('pull' in message) credits++;
    else if ('chunk' in message) chunks.push(new Uint8Array(message.chunk));
    else if ('done' in message) finished = true;
    else failure ??= { error: new ParquetEncodeError(`parquet-wasm failed: ${message.error}`) };
    signal();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!finished) fail(new ParquetEncodeError(`the Parquet worker stopped (exit code ${code})`));
  });

  const send = (batch: RecordBatch) => {
    const bytes = ipcBuffer(batch);
    worker.postMessage(bytes, [bytes]);
  };
  const produce = async () => {
    send(first);
    while (!batches.done) {
      await batches.next();
      if (batches.builder.length === 0) continue;
      const bytes = ipcBuffer(batches.builder.finish());
      await until(() => credits > 0);
      if (failure) return;
      credits--;
      worker.postMessage(bytes, [bytes]);
    }
    worker.postMessage(null);
  };
  const producing = produce().catch(fail);
  try {
    for (;;) {
      await until(() => chunks.length > 0 || finished);
      if (failure) throw failure.error;
      if (chunks.length > 0) yield* chunks.splice(0);
      else break;
    }
    await producing;
    if (failure) throw (failure as { error: unknown }).error;
  } finally {
    finished = true;
    await worker.terminate();
  }
}

function ipcBuffer(batch: RecordBatch): ArrayBuffer {
  const bytes = tableToIPC(new Table(batch), 'stream');
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}

const GLUE_FILE = 'parquet_wasm.js';

/**
 * parquet-wasm's JavaScript, for the worker to import: the installed package's, else the one beside
 * the `.wasm` that was loaded, else one beside the running bundle.
 */
function glueUrl(): string {
  const candidates: string[] = [];
  const here = import.meta.url;
  try {
    candidates.push(createRequire(here).resolve('parquet-wasm/esm'));
  } catch {
    // bundled: parquet-wasm is not resolvable from here
  }
  const wasmPath = loadedParquetWasmPath();
  if (wasmPath) candidates.push(join(dirname(wasmPath), GLUE_FILE));
  if (here) candidates.push(fileURLToPath(new URL(GLUE_FILE, here)));
  const found = candidates.find((path) => existsSync(path));
  if (found) return pathToFileURL(found).href;
  throw new ParquetOptionsError(
    `encodeIn: 'worker' needs parquet-wasm's ${GLUE_FILE} (tried: ${candidates.join(', ')}); ` +
      "ship it beside the bundle or the .wasm, or use encodeIn: 'main'",
  );
}
