import { filterStaleOrders, OrderColumnNotFoundError, type StaleOrderRun } from '@sluice/transforms/orders';
import { UnreadableInputError } from '../errors.js';
import { pacedBy, type RejectsFile } from '../rejects-file.js';

/** What `sluice orders filter` was asked: the file and the rule's options. */
export interface OrdersJob {
  input: string;
  asOf: string;
  maxAgeDays: number;
}

/**
 * Opens the stale-order run over the CSV bytes `chunks` (a whole file, or a header and a part of one),
 * rejections streaming to `quarantine` as they happen. Reading the run's `csv` drives it.
 *
 * @example const run = await openOrdersRun(job, fileChunks(job.input), quarantine); await kept.write(run.csv);
 */
export function openOrdersRun(
  job: OrdersJob,
  chunks: AsyncIterable<Buffer>,
  quarantine: RejectsFile,
): Promise<StaleOrderRun> {
  return filterStaleOrders(pacedBy(chunks, quarantine), {
    file: job.input,
    asOf: job.asOf,
    maxAgeDays: job.maxAgeDays,
    onRejected: quarantine.add,
    reuseOutput: true, // PartFile.write is done with each chunk before it asks for the next
  }).catch(inCliWords);
}

/** The transform names its `columns` option; the CLI has none, so it says what is wrong with the file. */
function inCliWords(error: unknown): never {
  if (!(error instanceof OrderColumnNotFoundError)) throw error;
  if (error.header.length === 0) throw new UnreadableInputError(error.file, 'it has no header row');
  const wanted = error.column === 'status' ? 'status' : 'order date';
  throw new UnreadableInputError(
    error.file,
    `its header has no ${wanted} column (looked for ${error.candidates.join(', ')}; ` +
      `found ${error.header.join(', ')})`,
  );
}
