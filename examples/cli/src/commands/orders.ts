import { createReadStream } from 'node:fs';
import { encodeJsonLines } from '@sluice/core/codecs';
import { filterStaleOrdersFast } from '@sluice/transforms/orders';
import { calendarDate, integer, parseFlags, required } from '../args.js';
import type { Command } from '../command.js';
import { readableFile, writeFileAtomically } from '../files.js';

/** `sluice orders filter`: the seed 000 stale-order filter over a local CSV file. */
export const ordersFilter: Command = {
  name: 'orders filter',
  usage:
    'sluice orders filter --input FILE --output FILE --as-of YYYY-MM-DD [--max-age-days N] [--rejects FILE.jsonl (default OUTPUT.rejects.jsonl)]',
  async run(argv) {
    const { values } = parseFlags(argv, {
      input: { type: 'string' },
      output: { type: 'string' },
      'as-of': { type: 'string' },
      'max-age-days': { type: 'string' },
      rejects: { type: 'string' },
    });
    const input = required(values, 'input');
    const output = required(values, 'output');
    const asOf = calendarDate(values, 'as-of');
    const maxAgeDays = integer(values, 'max-age-days', 30, 0);
    await readableFile(input);
    const run = await filterStaleOrdersFast(createReadStream(input, { highWaterMark: 256 * 1024 }), {
      file: input,
      asOf,
      maxAgeDays,
    });
    await writeFileAtomically(output, run.csv);
    // Rejected rows are never only counted: without --rejects they go beside the output.
    const rejects = values.rejects === undefined ? `${output}.rejects.jsonl` : required(values, 'rejects');
    await writeFileAtomically(rejects, encodeJsonLines(run.rejections));
    return { report: run.report(), rejects };
  },
};
