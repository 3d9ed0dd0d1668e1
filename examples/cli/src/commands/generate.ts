import { DATASETS, writeLines } from '@sluice/datagen';
import { decimal, integer, parseFlags, required } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';

export const generate: Command = {
  name: 'generate',
  usage: `sluice generate <${Object.keys(DATASETS).join('|')}> --rows N --out FILE [--seed S] [--dirty RATE]`,
  async run(argv) {
    const { values, positionals } = parseFlags(
      argv,
      {
        rows: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        dirty: { type: 'string' },
      },
      1,
    );
    const name = positionals[0];
    const dataset = name ? DATASETS[name] : undefined;
    if (!name || !dataset)
      throw new UsageError(
        `unknown dataset "${name ?? ''}"; pick one of ${Object.keys(DATASETS).join(', ')}`,
      );
    const rows = integer(values, 'rows', 1000, 0);
    const out = required(values, 'out');
    const options = { rows, seed: integer(values, 'seed', 42), dirty: decimal(values, 'dirty', 0.02, 0, 1) };
    const lines = await writeLines(out, dataset.generate(options), { total: rows, label: name });
    return { dataset: name, file: out, rows, lines, seed: options.seed, dirty: options.dirty };
  },
};
