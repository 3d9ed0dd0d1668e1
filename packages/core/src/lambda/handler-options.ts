import type { RecordPipeline } from './batch-account.js';
import type { RecordDecoder } from './decoders.js';
import type { BatchReport, RecordVerdict, RejectionSink } from './verdict.js';

/** Options every handler factory takes besides its record pipeline. */
export interface InvocationOptions {
  /** Receives the account of each invocation (log it, emit metrics, assert on it in tests). */
  onReport?: (report: BatchReport) => void | Promise<void>;
  /** Clock for the report's timings. Default `Date.now`. */
  now?: () => number;
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
