// The worker thread of `sluice orders filter` on a large file: filters the second half (the header,
// then the file from the cut on) into the files its job names, and posts the half's report.
import { parentPort, workerData } from 'node:worker_threads';
import { openOrdersRun } from './commands/orders-range.js';
import type { SecondHalfJob } from './commands/orders-two-threads.js';
import { fileChunks } from './files.js';
import { commitAll, PartFile } from './part-file.js';
import { RejectsFile } from './rejects-file.js';

const job = workerData as SecondHalfJob;

async function* headerThenHalf(): AsyncGenerator<Buffer> {
  yield Buffer.from(job.halves.header); // a Uint8Array once cloned into this thread
  yield* fileChunks(job.input, { start: job.halves.split });
}

/** The run's output without the header it starts with: the first half's output has it already. */
async function* withoutHeader(csv: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let skip = job.halves.header.length;
  for await (const bytes of csv) {
    if (skip >= bytes.length) skip -= bytes.length;
    else {
      yield skip > 0 ? bytes.subarray(skip) : bytes;
      skip = 0;
    }
  }
}

try {
  const kept = new PartFile(job.kept);
  const quarantine = new RejectsFile(job.rejects);
  let report: unknown;
  await commitAll([kept, quarantine], async () => {
    const run = await openOrdersRun(job, headerThenHalf(), quarantine);
    await kept.write(withoutHeader(run.csv));
    report = run.report();
  });
  parentPort?.postMessage({ report });
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
