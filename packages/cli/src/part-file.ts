import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
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

  /** Writes a whole body to the temporary file. */
  async write(body: AsyncIterable<Uint8Array | string>): Promise<void> {
    await pipeline(Readable.from(body), this.open()).catch((error: unknown) => {
      throw this.isOwn(error) ? new UnwritableOutputError(this.file, error) : error;
    });
  }

  /** A write stream on the temporary file, for callers that write piece by piece. */
  open(): WriteStream {
    return createWriteStream(this.part);
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

  /** Whether an error is about this output (its temporary file), not about the input. */
  isOwn(error: unknown): boolean {
    return (error as NodeJS.ErrnoException | undefined)?.path === this.part;
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

/** Ends a write stream and waits until its bytes are in the file. */
export async function finish(out: WriteStream): Promise<void> {
  if (out.errored) throw out.errored;
  out.end();
  await once(out, 'finish');
}
