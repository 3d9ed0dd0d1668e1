import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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
