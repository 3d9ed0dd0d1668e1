import type { RecordPipeline } from './batch-account.js';
import type { RecordDecoder } from './decoders.js';
import type { ErrorClassifier } from './error-kind.js';
import type { HandlerLogger } from './logger.js';
import type { BatchReport, RecordVerdict, RejectionSink } from './verdict.js';

/** Where a handler's invocation report goes as an EMF line. */
export interface HandlerMetricsOptions {
  /** CloudWatch namespace. Default `Sluice`. */
  namespace?: string;
  /** Added to the `Handler` dimension, e.g. `{ Pipeline: 'transaction-stream' }`. */
  dimensions?: Record<string, string>;
  /**
   * Receives the line. Default: stdout on Lambda (`AWS_LAMBDA_FUNCTION_NAME` set), where CloudWatch
   * turns it into metrics; nowhere elsewhere, so local runs and tests print nothing unasked.
   */
  write?: (line: string) => void;
}

/** Options every handler factory takes besides its record pipeline. */
export interface InvocationOptions {
  /** Receives the account of each invocation (write outputs, assert on it in tests). */
  onReport?: (report: BatchReport) => void | Promise<void>;
  /** Clock for the report's timings. Default `Date.now`. */
  now?: () => number;
  /** The `Handler` dimension and log field. Default: the context's function name, else the factory's name. */
  name?: string;
  /**
   * No record is started once less than this is left of the invocation (from the Lambda context):
   * the rest are handed back for redelivery. Default 10 000 ms, capped at a quarter of the time the
   * invocation started with.
   */
  stopMarginMs?: number;
  /** Which errors thrown by `process` are permanent (rejected, never retried). Default `classifyError`. */
  classifyError?: ErrorClassifier;
  /** Default `jsonLogger()`; a Powertools `Logger` fits. */
  logger?: HandlerLogger;
  /** The invocation report as one EMF line; `false` turns it off. */
  metrics?: HandlerMetricsOptions | false;
}

/** A handler whose `process` receives the raw record (no `decode`). */
export interface RawRecordOptions<R> extends InvocationOptions {
  decode?: undefined;
  // biome-ignore lint/suspicious/noConfusingVoidType: lets `process` be a plain async function returning nothing
  process: (record: R) => RecordVerdict | void | Promise<RecordVerdict | void>;
  onReject: RejectionSink<R>;
}

/** A handler whose `process` receives the value `decode` made of each record (e.g. `jsonBody(schema)`). */
export interface DecodedRecordOptions<R, T> extends InvocationOptions {
  decode: RecordDecoder<R, T>;
  // biome-ignore lint/suspicious/noConfusingVoidType: lets `process` be a plain async function returning nothing
  process: (value: T, record: R) => RecordVerdict | void | Promise<RecordVerdict | void>;
  onReject: RejectionSink<R>;
}

/** Options of a batch handler factory, with or without a decoder. */
export type RecordHandlerOptions<R, T> = RawRecordOptions<R> | DecodedRecordOptions<R, T>;

/** Both option shapes run through the same pipeline; without `decode` the value is the record. */
export function asPipeline<R, T>(options: RecordHandlerOptions<R, T>): RecordPipeline<R, T> {
  return options as RecordPipeline<R, T>;
}
