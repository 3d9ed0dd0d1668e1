import { once } from 'node:events';
import type { WriteStream } from 'node:fs';
import type { Rejection } from '@sluice/core/outcome';
import { UnwritableOutputError } from './errors.js';
import { finish, PartFile } from './part-file.js';

/** About how many characters of JSON Lines go to the file in one write: few large writes, bounded. */
const PIECE = 64 * 1024;

/**
 * Rejected rows streamed to a JSON Lines file as the transform reports them: nothing is collected
 * in memory. `add` is the transform's synchronous `onRejected`; when the file falls behind, the
 * reading side waits on `drained()` (see {@link pacedBy}) instead of piling lines up.
 *
 * @example
 * const rejects = new RejectsFile('kept.csv.rejects.jsonl');
 * await filterStaleOrders(pacedBy(input, rejects), { onRejected: rejects.add });
 */
export class RejectsFile {
  count = 0;
  private readonly output: PartFile;
  private readonly out: WriteStream;
  private waiting: Promise<void> | undefined;
  private failure: Error | undefined;

  constructor(readonly file: string) {
    this.output = new PartFile(file);
    this.out = this.output.open();
    this.out.on('error', (error) => {
      this.failure ??= new UnwritableOutputError(file, error);
    });
  }

  /** Lines not yet handed to the file: written in pieces of about {@link PIECE} characters. */
  private pending = '';

  readonly add = (rejection: Rejection): void => {
    this.count += 1;
    this.pending += `${JSON.stringify(rejection)}\n`;
    if (this.pending.length >= PIECE) this.flush();
  };

  /** Resolves once the file has taken what was written; throws if it cannot be written. */
  async drained(): Promise<void> {
    this.flush();
    if (this.waiting) await this.waiting;
    if (this.failure) throw this.failure;
  }

  private flush(): void {
    const piece = this.pending;
    this.pending = '';
    if (this.failure || piece === '' || this.out.write(piece) || this.waiting) return;
    this.waiting = once(this.out, 'drain').then(
      () => {
        this.waiting = undefined;
      },
      () => undefined, // the 'error' listener keeps the failure
    );
  }

  async commit(): Promise<void> {
    await this.drained();
    await finish(this.out).catch((error: unknown) => {
      throw this.failure ?? new UnwritableOutputError(this.file, error);
    });
    await this.output.commit();
  }

  async discard(): Promise<void> {
    this.out.destroy();
    await this.output.discard();
  }
}

/**
 * The chunks of `source`, each handed on only once the rejects file has drained: a file with
 * millions of bad rows slows the reading down rather than filling memory.
 *
 * @example await detectBotsFromCsv(pacedBy(createReadStream(file), rejects), { onRejected: rejects.add });
 */
export async function* pacedBy<T>(source: AsyncIterable<T>, rejects: RejectsFile): AsyncGenerator<T> {
  for await (const chunk of source) {
    await rejects.drained();
    yield chunk;
  }
}
