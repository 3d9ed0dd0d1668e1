import { closeSync, openSync, writeSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { UnwritableOutputError } from './errors.js';
import { trackTempFile } from './temp-files.js';

/**
 * An output written to `FILE.part` and renamed to `FILE` on commit: a reader never sees half a file,
 * and a failed or interrupted run leaves neither. Errors name `FILE`, never the temporary file.
 *
 * @example const kept = new PartFile('kept.csv'); await kept.write(run.csv); await kept.commit();
 */
export class PartFile {
  private readonly part: string;
  private readonly release: () => void;

  constructor(readonly file: string) {
    this.part = `${file}.part`;
    this.release = trackTempFile(this.part);
  }

  /**
   * Writes a whole body to the temporary file, each piece written (synchronously: a local file
   * takes it at memory speed) before the next is asked for, so a body may hand out one buffer
   * written over again and again. Errors of the body pass unchanged; write errors name `FILE`.
   */
  async write(body: AsyncIterable<Uint8Array | string>): Promise<void> {
    const fd = this.openSync();
    try {
      for await (const piece of body) this.writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
  }

  /** Opens the temporary file for {@link writeSync}, for callers that write piece by piece. */
  openSync(): number {
    try {
      return openSync(this.part, 'w');
    } catch (error) {
      throw new UnwritableOutputError(this.file, error);
    }
  }

  /** Writes all of `piece` (a string without making a buffer of it first). */
  writeSync(fd: number, piece: Uint8Array | string): void {
    try {
      if (typeof piece === 'string') {
        const written = writeSync(fd, piece);
        if (written < Buffer.byteLength(piece)) this.writeSync(fd, Buffer.from(piece).subarray(written));
      } else {
        for (let done = 0; done < piece.length; ) done += writeSync(fd, piece, done, piece.length - done);
      }
    } catch (error) {
      throw error instanceof UnwritableOutputError ? error : new UnwritableOutputError(this.file, error);
    }
  }

  async commit(): Promise<void> {
    await rename(this.part, this.file).catch((error: unknown) => {
      throw new UnwritableOutputError(this.file, error);
    });
    this.release();
  }

  async discard(): Promise<void> {
    await rm(this.part, { force: true });
    this.release();
  }
}

/**
 * Runs `write` and then renames every output into place; if anything fails, no output and no
 * temporary file is left behind.
 *
 * @example await commitAll([kept, rejects], async () => kept.write(run.csv));
 */
export async function commitAll(
  outputs: { commit(): Promise<void>; discard(): Promise<void> }[],
  write: () => Promise<void>,
) {
  try {
    await write();
    for (const output of outputs) await output.commit();
  } catch (error) {
    await Promise.all(outputs.map((output) => output.discard()));
    throw error;
  }
}
