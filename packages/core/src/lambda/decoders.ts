import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { SourcePosition, SourceRecord } from '../outcome/outcome.js';
import { isPromise } from './batch-account.js';
import {
  type Base64Record,
  decodeBase64Json,
  decodeBase64Text,
  type JsonReadOptions,
  parseSqsJson,
  rejectionAt,
} from './payload.js';
import type { SqsMessage } from './sqs-event.js';

/** Turns a raw record into the value a handler's `process` receives, or a rejection. */
export type RecordDecoder<R, T> = (record: R) => SourceRecord<T> | Promise<SourceRecord<T>>;

/**
 * Decodes an SQS body as JSON, validated by a Standard Schema (zod, valibot…) when given.
 * Invalid JSON is rejected as `invalid-json`, a schema failure as `schema`. With
 * `{ exactIntegers: true }` an integer beyond 2^53 reaches the schema as its exact digits (a string).
 *
 * @example sqsBatchHandler({ decode: jsonBody(Transaction), process: (tx) => store(tx), onReject })
 */
export function jsonBody<T = unknown>(
  schema?: StandardSchemaV1<unknown, T>,
  options: JsonReadOptions = {},
): RecordDecoder<SqsMessage, T> {
  return (message) => conform(parseSqsJson(message, options), message.position, schema);
}

/**
 * Decodes a base64 payload (Kinesis, Firehose) as JSON, validated by a Standard Schema when given.
 * Rejection reasons: `invalid-base64`, `invalid-utf8`, `invalid-json`, `schema`. With
 * `{ exactIntegers: true }` an integer beyond 2^53 reaches the schema as its exact digits (a string)
 * instead of a rounded number.
 *
 * @example kinesisBatchHandler({ decode: jsonData(Reading, { exactIntegers: true }), process: (reading) => score(reading), onReject })
 */
export function jsonData<T = unknown>(
  schema?: StandardSchemaV1<unknown, T>,
  options: JsonReadOptions = {},
): RecordDecoder<Base64Record, T> {
  return (record) => conform(decodeBase64Json(record, options), record.position, schema);
}

/**
 * Decodes a base64 payload (Kinesis, Firehose) as UTF-8 text.
 *
 * @example kinesisBatchHandler({ decode: textData(), process: (line) => parse(line), onReject })
 */
export function textData(): RecordDecoder<Base64Record, string> {
  return decodeBase64Text;
}

/** The parsed value checked by the schema; synchronous unless the schema's validation is async. */
function conform<T>(
  parsed: SourceRecord<unknown>,
  position: SourcePosition,
  schema: StandardSchemaV1<unknown, T> | undefined,
): SourceRecord<T> | Promise<SourceRecord<T>> {
  if (!parsed.ok) return parsed;
  if (!schema) return { ok: true, value: parsed.value as T, position };
  const result = schema['~standard'].validate(parsed.value);
  return isPromise(result)
    ? Promise.resolve(result).then((settled) => conformed(settled, parsed.value, position))
    : conformed(result, parsed.value, position);
}

function conformed<T>(
  result: StandardSchemaV1.Result<T>,
  value: unknown,
  position: SourcePosition,
): SourceRecord<T> {
  if (!result.issues) return { ok: true, value: result.value, position };
  const raw = JSON.stringify(value);
  return { ok: false, rejection: rejectionAt('schema', describeIssues(result.issues), position, raw) };
}

function describeIssues(issues: readonly StandardSchemaV1.Issue[]): string {
  return issues.map((issue) => `${issuePath(issue) || '(root)'}: ${issue.message}`).join('; ');
}

function issuePath(issue: StandardSchemaV1.Issue): string {
  const keys = (issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment));
  return keys.map(String).join('.');
}
