import type { MessageAttributeValue } from '@aws-sdk/client-sns';
import type { Undelivered } from '../notify/delivery.js';
import type { Notification } from '../notify/notifier.js';

/** SNS limits: 256 KiB per message (attributes included, and per PublishBatch call), 10 per batch. */
export const SNS_LIMITS = {
  messageBytes: 256 * 1024,
  batchBytes: 256 * 1024,
  entriesPerBatch: 10,
  // The API asks for subjects "less than 100 characters long".
  subjectChars: 99,
} as const;

/** A notification ready to publish, with the bytes it counts against the limits. */
export interface SnsEntry {
  message: string;
  subject?: string;
  attributes?: Record<string, MessageAttributeValue>;
  /** The notification's id: a FIFO topic's `MessageDeduplicationId`. */
  id?: string;
  groupId?: string;
  bytes: number;
}

// SNS FIFO: MessageDeduplicationId and MessageGroupId are 1–128 of these characters.
const FIFO_ID = /^[A-Za-z0-9!-/:-@[-`{-~]{1,128}$/;

// Counted without encoding: every publish checks its size.
const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Makes a subject SNS accepts: ASCII printable only (accents stripped, other characters `?`), line
 * breaks and control characters turned into spaces, at most 99 characters (cut with `...`). A
 * subject is a label, so it is repaired rather than losing the alert; empty means none.
 *
 * @example snsSubject('Large order\nTX-1 — café') // 'Large order TX-1 ? cafe'
 */
export function snsSubject(subject: string | undefined): string | undefined {
  if (subject === undefined) return undefined;
  const ascii = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[^\u0020-\u007e]/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
  if (ascii.length === 0) return undefined;
  return ascii.length <= SNS_LIMITS.subjectChars
    ? ascii
    : `${ascii.slice(0, SNS_LIMITS.subjectChars - 3)}...`;
}

/** The SNS entry for a notification, or why it cannot be published (empty, too large, bad attribute). */
export function toSnsEntry(
  notification: Notification,
  index: number,
): { ok: true; entry: SnsEntry } | { ok: false; rejection: Undelivered<Notification> } {
  const reject = (reason: string, message: string) => ({
    ok: false as const,
    rejection: { index, record: notification, reason, message: `notification ${index}: ${message}` },
  });
  if (notification.message.length === 0) return reject('empty-message', 'message is empty');
  for (const field of ['id', 'groupId'] as const) {
    const value = notification[field];
    if (value !== undefined && !FIFO_ID.test(value))
      return reject('invalid-id', `${field} must be 1-128 letters, digits or punctuation`);
  }
  const attributes = snsAttributes(notification.attributes);
  if (typeof attributes === 'string') return reject('invalid-attribute', attributes);
  const bytes = utf8Length(notification.message) + attributeBytes(attributes);
  if (bytes > SNS_LIMITS.messageBytes) {
    return reject('too-large', `message and attributes are ${bytes} bytes, over the 256 KiB limit`);
  }
  const subject = snsSubject(notification.subject);
  const { id, groupId } = notification;
  return { ok: true, entry: { message: notification.message, subject, attributes, id, groupId, bytes } };
}

/** SNS attribute values, or a description of the first bad one. */
function snsAttributes(
  attributes: Notification['attributes'],
): Record<string, MessageAttributeValue> | undefined | string {
  if (!attributes) return undefined;
  const out: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'number' && !Number.isFinite(value))
      return `attribute ${name} is ${value}, not a finite number`;
    if (value === '') return `attribute ${name} is an empty string`;
    out[name] =
      typeof value === 'number'
        ? { DataType: 'Number', StringValue: String(value) }
        : { DataType: 'String', StringValue: value };
  }
  return out;
}

function attributeBytes(attributes: Record<string, MessageAttributeValue> | undefined): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(attributes ?? {})) {
    bytes += utf8Length(name + (value.DataType ?? '') + (value.StringValue ?? ''));
  }
  return bytes;
}
