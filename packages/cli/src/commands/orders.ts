import type { RunReport } from '@sluice/core/outcome';
import { calendarDate, integer, optional, required } from '../args.js';
import type { CommandRun } from '../command.js';
import { distinctFiles, fileChunks, outputFolders, readableFile } from '../files.js';
import { commitAll, PartFile } from '../part-file.js';
import { RejectsFile } from '../rejects-file.js';
import type { OrdersJob } from './orders-range.js';
import { filterInHalves, halvesFor } from './orders-two-threads.js';

/**
 * `sluice orders filter`: the seed 000 stale-order filter over a local CSV file. Kept rows go to
 * `--output`, rejected rows stream to `--rejects` (default `OUTPUT.rejects.jsonl`). A large file is
 * filtered in two halves at once, each on a thread of its own, when a cut between them can be shown
 * safe; the outputs are the bytes one pass writes.
 *
 * @example sluice orders filter --input orders.csv --output kept.csv --as-of 2025-06-30
 */
export const ordersFilter: CommandRun = async ({ values }) => {
  const job: OrdersJob = {
    input: required(values, 'input'),
    asOf: calendarDate(values, 'as-of'),
    maxAgeDays: integer(values, 'max-age-days', 30, 0),
  };
  const output = required(values, 'output');
  const rejects = optional(values, 'rejects') ?? `${output}.rejects.jsonl`;
  await distinctFiles({ input: job.input, output, rejects });
  await readableFile(job.input);
  await outputFolders([output, rejects]);
  const kept = new PartFile(output);
  const quarantine = new RejectsFile(rejects);
  let report: RunReport | undefined;
  let threads = 1;
  await commitAll([kept, quarantine], async () => {
    const halves = halvesFor(job);
    threads = halves ? 2 : 1;
    report = halves
      ? await filterInHalves(job, halves, kept, quarantine)
      : await filterWhole(job, kept, quarantine);
  });
  return { report, rejects, rejected: quarantine.count, threads };
};

/** One pass on this thread; the transform is loaded only here, so two threads start without it. */
async function filterWhole(job: OrdersJob, kept: PartFile, quarantine: RejectsFile): Promise<RunReport> {
  const { openOrdersRun } = await import('./orders-range.js');
  const run = await openOrdersRun(job, fileChunks(job.input), quarantine);
  await kept.write(run.csv);
  return run.report();
}
