import { DATASETS, writeLines } from '@sluice/datagen';
import { decimal, integer, required } from '../args.js';
import type { CommandRun } from '../command.js';
import { UsageError } from '../errors.js';

/**
 * `sluice generate <dataset>`: a deterministic sample dataset of any size.
 *
 * @example sluice generate orders --rows 1000000 --out orders.csv
 */
export const generate: CommandRun = async ({ values, positionals }) => {
  const name = positionals[0];
  const dataset = name ? DATASETS[name] : undefined;
  if (!name || !dataset)
    throw new UsageError(`unknown dataset "${name ?? ''}"; pick one of ${Object.keys(DATASETS).join(', ')}`);
  const rows = integer(values, 'rows', 1000, 0);
  const out = required(values, 'out');
  const options = { rows, seed: integer(values, 'seed', 42), dirty: decimal(values, 'dirty', 0.02, 0, 1) };
  const lines = await writeLines(out, dataset.generate(options), { total: rows, label: name });
  return { dataset: name, file: out, rows, lines, seed: options.seed, dirty: options.dirty };
};
