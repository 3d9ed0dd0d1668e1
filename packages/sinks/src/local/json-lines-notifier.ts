import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DeliveryReport, Undelivered } from '../notify/delivery.js';
import type { Notification, Notifier } from '../notify/notifier.js';
import { toSnsEntry } from '../sns/message.js';

/**
 * The local stand-in for SNS: appends each notification as one JSON line to a file and syncs it
 * to disk, so a later run (or a person) can see what was sent. Notifications SNS would refuse
 * (empty, over 256 KiB, bad attributes) are rejected the same way, and subjects repaired the same way.
 *
 * @example
 * const notifier = new JsonLinesNotifier('out/notifications.jsonl');
 * await notifier.publish([{ subject: 'Large order', message: '{"id":"TX-1"}' }]);
 * (await notifier.sent()).length; // every notification of every run so far
 */
export class JsonLinesNotifier implements Notifier {
  constructor(readonly path: string) {}

  async publish(notifications: readonly Notification[]): Promise<DeliveryReport<Notification>> {
    const rejected: Undelivered<Notification>[] = [];
    const lines: string[] = [];
    notifications.forEach((notification, index) => {
      const built = toSnsEntry(notification, index);
      if (built.ok) lines.push(`${JSON.stringify({ ...notification, subject: built.entry.subject })}\n`);
      else rejected.push(built.rejection);
    });
    if (lines.length > 0) await this.#append(lines.join(''));
    return { sent: lines.length, retried: 0, rejected, failed: [] };
  }

  /** Every notification written to the file so far, oldest first. */
  async sent(): Promise<Notification[]> {
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    return text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Notification);
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
