import { closeSync } from 'node:fs';
import type { Rejection } from '@sluice/core/outcome';
import { PartFile } from './part-file.js';

/** About how many characters of JSON Lines go to the file in one write: few large writes, bounded. */
const PIECE = 64 * 1024;

/**
 * Rejected rows streamed to a JSON Lines file as the transform reports them: nothing is collected
 * in memory beyond one piece of about {@link PIECE} characters. `add` is the transform's synchronous
 * `onRejected`; the file is written synchronously (a local file takes it at memory speed), so a
 * file with millions of bad rows never has more than one piece in hand.
 *
 * @example
 * const rejects = new RejectsFile('kept.csv.rejects.jsonl');
 * await filterStaleOrders(input, { onRejected: rejects.add });
 */
export class RejectsFile {
  count = 0;
  private readonly output: PartFile;
  private readonly fd: number;
  private open = true;
  /** Lines not yet handed to the file. */
  private pending = '';

  constructor(readonly file: string) {
    this.output = new PartFile(file);
    this.fd = this.output.openSync();
  }

  readonly add = (rejection: Rejection): void => {
    this.count += 1;
    this.pending += `${JSON.stringify(rejection)}\n`;
    if (this.pending.length >= PIECE) this.flush();
  };

  async commit(): Promise<void> {
    if (this.open) this.flush();
    this.close();
    await this.output.commit();
  }

  async discard(): Promise<void> {
    this.close();
    await this.output.discard();
  }

  private flush(): void {
    if (this.pending === '') return;
    const piece = this.pending;
    this.pending = '';
    this.output.writeSync(this.fd, piece);
  }

  private close(): void {
    if (this.open) closeSync(this.fd);
    this.open = false;
  }
}
