import type { RunReport } from '@sluice/core/outcome';
import { filterStaleOrders, OrderColumnNotFoundError } from '@sluice/transforms/orders';
import { calendarDate, integer, optional, required } from '../args.js';
import type { CommandRun } from '../command.js';
import { UnreadableInputError } from '../errors.js';
import { distinctFiles, fileChunks, outputFolders, readableFile } from '../files.js';
import { commitAll, PartFile } from '../part-file.js';
import { RejectsFile } from '../rejects-file.js';

/**
 * `sluice orders filter`: the seed 000 stale-order filter over a local CSV file. Kept rows go to
 * `--output`, rejected rows stream to `--rejects` (default `OUTPUT.rejects.jsonl`).
 *
 * @example sluice orders filter --input orders.csv --output kept.csv --as-of 2025-06-30
 */
export const ordersFilter: CommandRun = async ({ values }) => {
  const input = required(values, 'input');
  const output = required(values, 'output');
  const asOf = calendarDate(values, 'as-of');
  const maxAgeDays = integer(values, 'max-age-days', 30, 0);
  const rejects = optional(values, 'rejects') ?? `${output}.rejects.jsonl`;
  await distinctFiles({ input, output, rejects });
  await readableFile(input);
  await outputFolders([output, rejects]);
  const kept = new PartFile(output);
  const quarantine = new RejectsFile(rejects);
  let report: RunReport | undefined;
  await commitAll([kept, quarantine], async () => {
    const run = await filterStaleOrders(fileChunks(input), {
      file: input,
      asOf,
      maxAgeDays,
      onRejected: quarantine.add,
      reuseOutput: true, // PartFile.write is done with each chunk before it asks for the next
    }).catch(inCliWords);
    await kept.write(run.csv);
    report = run.report();
  });
  return { report, rejects, rejected: quarantine.count };
};

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
