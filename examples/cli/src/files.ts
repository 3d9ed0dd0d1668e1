import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { normaliseColumnName, openCsv } from '@sluice/core/codecs';
import { UnreadableInputError } from './errors.js';

/**
 * Checks that a file can be opened for reading before any output is written, so a typo in a path
 * fails with one line naming it.
 *
 * @example await readableFile('orders.csv'); // throws UnreadableInputError naming the file
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

/**
 * Writes a stream to a file through a temporary file and a rename: no half-written output on failure.
 *
 * @example await writeFileAtomically('kept.csv', run.csv);
 */
export async function writeFileAtomically(file: string, body: AsyncIterable<Uint8Array>): Promise<void> {
  const part = `${file}.part`;
  try {
    await pipeline(Readable.from(body), createWriteStream(part));
    await rename(part, file);
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
}

/**
 * Reads only the header of a CSV file and checks it names every column a command needs, so a file
 * of the wrong kind (or an empty one) fails with one line naming it instead of rejecting every row.
 *
 * @example await requireColumns('events.csv', ['event_time', 'user_id']);
 */
export async function requireColumns(file: string, columns: readonly string[]): Promise<void> {
  const input = createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    const csv = await openCsv(input, { file });
    const present = new Set(csv.header.map(normaliseColumnName));
    if (csv.header.length === 0) throw new UnreadableInputError(file, 'it has no header row');
    const missing = columns.filter((column) => !present.has(normaliseColumnName(column)));
    if (missing.length > 0)
      throw new UnreadableInputError(file, `its header has no ${missing.join(', ')} column`);
  } finally {
    input.destroy();
  }
}
