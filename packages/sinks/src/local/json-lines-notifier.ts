import { mkdir, open, readFile, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DeliveryReport } from '../notify/delivery.js';
import type { Notification, Notifier } from '../notify/notifier.js';
import { acceptAsSns } from '../notify/sns-acceptance.js';

/**
 * The local stand-in for SNS: appends each notification as one JSON line to a file and syncs it
 * to disk, so a later run (or a person) can see what was sent. Notifications SNS would refuse
 * (empty, over 256 KiB, bad attributes) are rejected the same way, and subjects repaired the same way.
 * Like a FIFO topic it drops a notification whose `id` is already in the file, across runs too: it
 * reads back what it wrote, and a last line cut short by a crash counts as never sent.
 *
 * @example
 * const notifier = new JsonLinesNotifier('out/notifications.jsonl');
 * await notifier.publish([{ subject: 'Large order', message: '{"id":"TX-1"}', id: 'TX-1-large-order' }]);
 * (await notifier.sent()).length; // every notification of every run so far, each id once
 */
export class JsonLinesNotifier implements Notifier {
  #ids: Set<string> | undefined;
  // Publishes run one after another, so two calls cannot both find an id unsent.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly path: string) {}

  publish(notifications: readonly Notification[]): Promise<DeliveryReport<Notification>> {
    const run = this.#queue.then(() => this.#publish(notifications));
    this.#queue = run.catch(() => {});
    return run;
  }

  async #publish(notifications: readonly Notification[]): Promise<DeliveryReport<Notification>> {
    const ids = await this.#sentIds();
    const { fresh, freshIds, report } = acceptAsSns(notifications, ids);
    const lines = fresh.map(
      ({ notification, subject }) => `${JSON.stringify({ ...notification, subject })}\n`,
    );
    if (lines.length > 0) await this.#append(lines.join(''));
    // Only once the lines are on disk: a failed append must not make a retry look like a repeat.
    for (const id of freshIds) ids.add(id);
    return report;
  }

  async #sentIds(): Promise<Set<string>> {
    if (this.#ids) return this.#ids;
    const text = await this.#text();
    const complete = text.lastIndexOf('\n') + 1;
    // A process killed mid-append leaves a line without its newline: it was never sent, so cut it.
    if (complete < text.length) await truncate(this.path, Buffer.byteLength(text.slice(0, complete)));
    const ids = parseLines(text.slice(0, complete)).flatMap((n) => (n.id === undefined ? [] : [n.id]));
    this.#ids = new Set(ids);
    return this.#ids;
  }

  /** Every notification written to the file so far, oldest first. */
  async sent(): Promise<Notification[]> {
    const text = await this.#text();
    return parseLines(text.slice(0, text.lastIndexOf('\n') + 1));
  }

  #text(): Promise<string> {
    return readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
  }

  async #append(text: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const file = await open(this.path, 'a');
    try {
      await file.writeFile(text, 'utf8');
      await file.datasync();
    } finally {
      await file.close();
    }
  }
}

function parseLines(text: string): Notification[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Notification);
}
