import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { encodeJsonLines } from '@sluice/core/codecs';
import { filterStaleOrders } from '@sluice/transforms/orders';
import { calendarDate, integer, parseFlags, required } from '../args.js';
import type { Command } from '../command.js';

/** An input file that does not exist or cannot be read; the CLI exits 1 naming it. */
export class UnreadableInputError extends Error {
  override readonly name = 'UnreadableInputError';
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * Checks that a file can be opened for reading before any output is written, so a typo in a path
 * fails with one line naming it.
 */
export async function readableFile(file: string): Promise<void> {
  let isFile: boolean;
  try {
    const handle = await open(file, 'r');
    isFile = (await handle.stat()).isFile();
    await handle.close();
  } catch (error) {
    throw new UnreadableInputError(file, error);
  }
  if (!isFile) throw new UnreadableInputError(file, 'it is not a file');
}

/** Writes a stream to a file through a temporary file and a rename: no half-written output on failure. */
async function writeFileAtomically(file: string, body: AsyncIterable<Uint8Array>): Promise<void> {
  const part = `${file}.part`;
  try {
    await pipeline(Readable.from(body), createWriteStream(part));
    await rename(part, file);
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
}

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
    const run = await filterStaleOrders(createReadStream(input), { file: input, asOf, maxAgeDays });
    await writeFileAtomically(output, run.csv);
    // Rejected rows are never only counted: without --rejects they go beside the output.
    const rejects = values.rejects === undefined ? `${output}.rejects.jsonl` : required(values, 'rejects');
    await writeFileAtomically(rejects, encodeJsonLines(run.rejections));
    return { report: run.report(), rejects };
  },
};
