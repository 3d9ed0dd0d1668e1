import { closeSync, openSync, readSync } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UnreadableInputError, UnwritableOutputError, UsageError } from './errors.js';

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
 * Refuses (usage error) when two of a command's files are one file: writing the output over the
 * input would destroy it mid-read. Symbolic links and `./` spellings are seen through; a file that
 * does not exist yet is compared by its resolved path.
 *
 * @example await distinctFiles({ input: 'a.csv', output: './a.csv' }); // --output and --input are the same file
 */
export async function distinctFiles(files: Record<string, string>): Promise<void> {
  const seen = new Map<string, string>();
  for (const [option, file] of Object.entries(files)) {
    const where = await canonicalPath(file);
    const other = seen.get(where);
    if (other) throw new UsageError(`--${option} and --${other} are the same file (${file})`);
    seen.set(where, option);
  }
}

async function canonicalPath(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    const folder = await realpath(dirname(file)).catch(() => resolve(dirname(file)));
    return join(folder, basename(file));
  }
}

/**
 * Checks that every output's folder exists before any input is read, so a mistyped output path
 * fails at once, naming the output rather than the first file that happened to be opened.
 *
 * @example await outputFolders(['out/kept.csv']); // cannot write out/kept.csv: the folder out does not exist
 */
export async function outputFolders(files: readonly string[]): Promise<void> {
  for (const file of files) {
    const info = await stat(dirname(file)).catch(() => undefined);
    if (!info?.isDirectory())
      throw new UnwritableOutputError(file, `the folder ${dirname(file)} does not exist`);
  }
}

/** How many chunks {@link fileChunks} cycles through: a chunk is overwritten three reads later. */
const RING = 4;

/**
 * The bytes of a local file in chunks of `size`, read synchronously: a file in the page cache is
 * read faster than a thread-pool round trip per chunk costs, and reading stays paced by whoever
 * consumes the chunks. The chunks are {@link RING} buffers used in turn, so reading allocates
 * nothing and dead chunks never pile up waiting for the garbage collector: a consumer may hold a
 * chunk until it asks for the third one after it (the CSV reader holds one).
 *
 * @example for await (const chunk of fileChunks('orders.csv')) scanner.feed(chunk);
 */
export async function* fileChunks(file: string, size = 64 * 1024): AsyncGenerator<Buffer> {
  const ring = Array.from({ length: RING }, () => Buffer.allocUnsafeSlow(size));
  const fd = openSync(file, 'r');
  try {
    for (let turn = 0; ; turn = (turn + 1) % RING) {
      const chunk = ring[turn] as Buffer;
      const count = readSync(fd, chunk, 0, size, null);
      if (count === 0) return;
      // Reading and writing never wait, so let the event loop turn now and then: Ctrl-C and kill
      // are handled (outputs removed) while a large file is still being read.
      if (turn === 0) await new Promise(setImmediate);
      yield count === size ? chunk : chunk.subarray(0, count);
    }
  } catch (error) {
    throw new UnreadableInputError(file, error);
  } finally {
    closeSync(fd);
  }
}
