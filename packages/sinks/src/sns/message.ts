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
  const ascii = PLAIN_SUBJECT.test(subject) ? subject : repairedSubject(subject);
  if (ascii.length === 0) return undefined;
  return ascii.length <= SNS_LIMITS.subjectChars
    ? ascii
    : `${ascii.slice(0, SNS_LIMITS.subjectChars - 3)}...`;
}

// Printable ASCII words with single spaces between them: what the repair gives back unchanged.
const PLAIN_SUBJECT = /^[!-~]+(?: [!-~]+)*$/;

/**
 * The general repair of a subject (accents, control characters, other non-ASCII, runs of spaces);
 * `snsSubject` skips it for a subject it would give back unchanged.
 *
 * @example repairedSubject(' café\n') // 'cafe'
 */
export function repairedSubject(subject: string): string {
  return subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/[^\u0020-\u007e]/g, '?')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Why SNS would refuse a notification (empty, a bad id, a bad attribute, over 256 KiB), or undefined
 * when it would take it. Checks without building the request: every local publish asks.
 *
 * @example snsRefusal({ message: '' }, 0)?.reason // 'empty-message'
 */
export function snsRefusal(notification: Notification, index: number): Undelivered<Notification> | undefined {
  const refuse = (reason: string, message: string) => ({
    index,
    record: notification,
    reason,
    message: `notification ${index}: ${message}`,
  });
  if (notification.message.length === 0) return refuse('empty-message', 'message is empty');
  for (const field of ['id', 'groupId'] as const) {
    const value = notification[field];
    if (value !== undefined && !FIFO_ID.test(value))
      return refuse('invalid-id', `${field} must be 1-128 letters, digits or punctuation`);
  }
  const problem = attributeProblem(notification.attributes);
  if (problem) return refuse('invalid-attribute', problem);
  // A UTF-16 unit is at most 3 UTF-8 bytes: most notifications are far under the limit by that count.
  if (snsBytes(notification, (text) => 3 * text.length) <= SNS_LIMITS.messageBytes) return undefined;
  const bytes = snsBytes(notification, utf8Length);
  if (bytes <= SNS_LIMITS.messageBytes) return undefined;
  return refuse('too-large', `message and attributes are ${bytes} bytes, over the 256 KiB limit`);
}

/** The SNS entry for a notification, or why it cannot be published (empty, too large, bad attribute). */
export function toSnsEntry(
  notification: Notification,
  index: number,
): { ok: true; entry: SnsEntry } | { ok: false; rejection: Undelivered<Notification> } {
  const rejection = snsRefusal(notification, index);
  if (rejection) return { ok: false, rejection };
  const { message, id, groupId } = notification;
  const subject = snsSubject(notification.subject);
  const attributes = snsAttributes(notification.attributes);
  const bytes = snsBytes(notification, utf8Length);
  return { ok: true, entry: { message, subject, attributes, id, groupId, bytes } };
}

/** The first attribute SNS would refuse, described, or undefined. */
function attributeProblem(attributes: Notification['attributes']): string | undefined {
  for (const name in attributes) {
    const value = attributes[name];
    if (typeof value === 'number' && !Number.isFinite(value))
      return `attribute ${name} is ${value}, not a finite number`;
    if (value === '') return `attribute ${name} is an empty string`;
  }
  return undefined;
}

function snsAttributes(
  attributes: Notification['attributes'],
): Record<string, MessageAttributeValue> | undefined {
  if (!attributes) return undefined;
  const out: Record<string, MessageAttributeValue> = {};
  for (const [name, value] of Object.entries(attributes)) {
    out[name] =
      typeof value === 'number'
        ? { DataType: 'Number', StringValue: String(value) }
        : { DataType: 'String', StringValue: value };
  }
  return out;
}

/** The bytes SNS counts (each text by `count`): the message, and each attribute's name, type and value. */
function snsBytes(notification: Notification, count: (text: string) => number): number {
  let bytes = count(notification.message);
  const { attributes } = notification;
  for (const name in attributes) {
    const value = attributes[name];
    const type = typeof value === 'number' ? 'Number' : 'String';
    bytes += count(name) + type.length + count(String(value));
  }
  return bytes;
}
