import type { BatchItemFailuresResponse } from './batch-response.js';
import type { DecodedRecordOptions, RawRecordOptions, RecordHandlerOptions } from './handler-options.js';
import type { LambdaContext } from './lambda-context.js';
import type { BatchReport } from './verdict.js';

/**
 * A Lambda handler for an event source mapping with `ReportBatchItemFailures` (SQS, Kinesis).
 * Without a context (local runs) there is no time limit.
 */
export type BatchHandler<E> = (event: E, context?: LambdaContext) => Promise<BatchItemFailuresResponse>;

/** An event's response beside the invocation's report. */
export interface BatchResult {
  response: BatchItemFailuresResponse;
  report: BatchReport;
}

/** What a service's handler does for one event of records `R`, with or without a decoder. */
export interface BatchProcessor<R> {
  (event: unknown, options: RawRecordOptions<R>, context?: LambdaContext): Promise<BatchResult>;
  <T>(event: unknown, options: DecodedRecordOptions<R, T>, context?: LambdaContext): Promise<BatchResult>;
}

/** Makes a handler of events `E` from a record pipeline, with or without a decoder. */
export interface BatchHandlerFactory<R, E> {
  (options: RawRecordOptions<R>): BatchHandler<E>;
  <T>(options: DecodedRecordOptions<R, T>): BatchHandler<E>;
}

/**
 * The handler factory of a service from what its handler does per event: the handler answers with
 * the response alone. Internal to core (each service's handler module builds its own).
 *
 * @example export const sqsBatchHandler = batchHandlerFactory<SqsMessage, SqsEvent>(processSqsBatch);
 */
export function batchHandlerFactory<R, E>(process: BatchProcessor<R>): BatchHandlerFactory<R, E> {
  return <T>(options: RecordHandlerOptions<R, T>): BatchHandler<E> =>
    async (event, context) =>
      (await process(event, options as DecodedRecordOptions<R, T>, context)).response;
}
