import { parseJsonExact } from '../codecs/json-exact.js';
import type { Rejection, SourcePosition, SourceRecord } from '../outcome/outcome.js';
import { payloadTextOf } from './local-payload.js';
import type { SqsMessage } from './sqs-event.js';

/** Anything that carries a base64 payload and a position: Kinesis and Firehose records. */
export interface Base64Record {
  data: string;
  position: SourcePosition;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const RAW_LIMIT = 4096;
/** An integer beyond 2^53 has 16 digits or more: text without such a run parses exactly with JSON.parse. */
const LONG_DIGITS = /\d{16}/;
const utf8 = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true });

/**
 * The payload's bytes; a payload that is not strict base64 becomes an `invalid-base64` rejection
 * (Node's own decoder would silently skip the bad characters).
 *
 * @example const bytes = decodeBase64Bytes(record); if (bytes.ok) use(bytes.value);
 */
export function decodeBase64Bytes(record: Base64Record): SourceRecord<Uint8Array> {
  const text = payloadTextOf(record);
  if (text !== undefined) return { ok: true, value: Buffer.from(text, 'utf8'), position: record.position };
  if (!BASE64.test(record.data)) {
    return reject('invalid-base64', 'data is not valid base64', record.position, record.data);
  }
  return { ok: true, value: new Uint8Array(Buffer.from(record.data, 'base64')), position: record.position };
}

/**
 * The payload as UTF-8 text; bad base64 or bad UTF-8 becomes a rejection.
 *
 * @example const text = decodeBase64Text(record);
 */
export function decodeBase64Text(record: Base64Record): SourceRecord<string> {
  const text = payloadTextOf(record);
  if (text !== undefined) return { ok: true, value: text, position: record.position };
  if (!BASE64.test(record.data)) {
    return reject('invalid-base64', 'data is not valid base64', record.position, record.data);
  }
  try {
    return { ok: true, value: utf8.decode(Buffer.from(record.data, 'base64')), position: record.position };
  } catch {
    return reject('invalid-utf8', 'data is not valid UTF-8 text', record.position, record.data);
  }
}

/**
 * The payload parsed as JSON; bad base64, UTF-8 or JSON becomes a rejection with the record's position.
 *
 * @example
 * const parsed = decodeBase64Json(kinesisRecord);
 * if (!parsed.ok) await quarantine(parsed.rejection); // position: { kind: 'stream', stream, sequenceNumber }
 */
export function decodeBase64Json(record: Base64Record, options: JsonReadOptions = {}): SourceRecord<unknown> {
  const text = decodeBase64Text(record);
  return text.ok ? parseJson(text.value, record.position, options) : text;
}

/** How a JSON payload is parsed. */
export interface JsonReadOptions {
  /**
   * When true, an integer literal beyond 2^53 arrives as a string of its exact digits instead of a
   * rounded number (see `parseJsonExact`). Default false: `JSON.parse`.
   */
  exactIntegers?: boolean;
}

/**
 * An SQS message body parsed as JSON; invalid JSON becomes an `invalid-json` rejection positioned at
 * `{ kind: 'message', messageId }`.
 *
 * @example const body = parseSqsJson(message);
 */
export function parseSqsJson(message: SqsMessage, options: JsonReadOptions = {}): SourceRecord<unknown> {
  return parseJson(message.body, message.position, options);
}

function parseJson(text: string, position: SourcePosition, options: JsonReadOptions): SourceRecord<unknown> {
  try {
    const value: unknown =
      options.exactIntegers && LONG_DIGITS.test(text) ? parseJsonExact(text) : JSON.parse(text);
    return { ok: true, value, position };
  } catch (error) {
    return reject('invalid-json', `not valid JSON: ${(error as Error).message}`, position, text);
  }
}

function reject(reason: string, message: string, position: SourcePosition, raw: string): SourceRecord<never> {
  return { ok: false, rejection: rejectionAt(reason, message, position, raw) };
}

/** A rejection, keeping the raw input only when it is small enough to be worth quarantining whole. */
export function rejectionAt(
  reason: string,
  message: string,
  position: SourcePosition,
  raw?: string,
): Rejection {
  const rejection: Rejection = { reason, message, position };
  if (raw !== undefined && raw.length <= RAW_LIMIT) rejection.raw = raw;
  return rejection;
}
