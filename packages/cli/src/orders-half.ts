// The thread of one half of a large file in `sluice orders filter`: filters its bytes (the second
// half after the header line) into the files its job names, and posts the half's report.
import { parentPort, workerData } from 'node:worker_threads';
import { openOrdersRun } from './commands/orders-range.js';
import type { HalfJob } from './commands/orders-two-threads.js';
import { fileChunks } from './files.js';
import { PartFile } from './part-file.js';
import { RejectsFile } from './rejects-file.js';

const job = workerData as HalfJob;
const header = job.header ? Buffer.from(job.header) : undefined; // a Uint8Array once cloned into this thread

async function* halfBytes(): AsyncGenerator<Buffer> {
  if (header) yield header;
  yield* fileChunks(job.input, { start: job.start, end: job.end });
}

/** The run's output without the header it starts with, which the first half's output has already. */
async function* withoutHeader(csv: AsyncIterable<Uint8Array>, skipping: number): AsyncGenerator<Uint8Array> {
  let skip = skipping;
  for await (const bytes of csv) {
    if (skip >= bytes.length) skip -= bytes.length;
    else {
      yield skip > 0 ? bytes.subarray(skip) : bytes;
      skip = 0;
    }
  }
}

try {
  // Written where the job says, as they are: the command renames or copies them when both halves are done.
  const kept = new PartFile(job.kept, job.kept);
  const quarantine = new RejectsFile(job.rejects, job.rejects);
  const run = await openOrdersRun(job, halfBytes(), quarantine);
  await kept.write(withoutHeader(run.csv, header?.length ?? 0));
  quarantine.close();
  parentPort?.postMessage({ report: run.report() });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
