import type {
  Context,
  FirehoseTransformationHandler,
  KinesisStreamHandler,
  S3Handler,
  SQSHandler,
} from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import { firehoseTransformHandler } from './firehose-handler.js';
import { kinesisBatchHandler } from './kinesis-handler.js';
import type { LambdaContext } from './lambda-context.js';
import type { HandlerLogger } from './logger.js';
import { s3ObjectHandler } from './s3-handler.js';
import { sqsBatchHandler } from './sqs-handler.js';

// Checked by `tsc -p tsconfig.check.json`: the factories' handlers are what Lambda's own types expect,
// while core describes the shapes itself and needs @types/aws-lambda only here.
const onReject = () => {};

describe('handler factories fit @types/aws-lambda', () => {
  it('SQS: SQSHandler, answering an SQSBatchResponse', () => {
    const handler: SQSHandler = sqsBatchHandler({ process: () => undefined, onReject });
    expectTypeOf(sqsBatchHandler({ process: () => undefined, onReject })).toExtend<SQSHandler>();
    expectTypeOf(handler).toBeFunction();
  });

  it('Kinesis: KinesisStreamHandler, answering a KinesisStreamBatchResponse', () => {
    const handler: KinesisStreamHandler = kinesisBatchHandler({ process: () => undefined, onReject });
    expectTypeOf(handler).toBeFunction();
  });

  it('S3: S3Handler', () => {
    const handler: S3Handler = s3ObjectHandler({ process: () => undefined, onReject });
    expectTypeOf(s3ObjectHandler({ process: () => undefined, onReject })).toExtend<S3Handler>();
    expectTypeOf(handler).toBeFunction();
  });

  it('Firehose: FirehoseTransformationHandler', () => {
    const handler: FirehoseTransformationHandler = firehoseTransformHandler({ process: () => undefined });
    expectTypeOf(
      firehoseTransformHandler({ process: () => undefined }),
    ).toExtend<FirehoseTransformationHandler>();
    expectTypeOf(handler).toBeFunction();
  });

  it('the runtime Context is a LambdaContext', () => {
    expectTypeOf<Context>().toExtend<LambdaContext>();
  });

  it('a Powertools-shaped logger (message, then attributes or an error) is a HandlerLogger', () => {
    type LogItemExtraInput = [Error | string] | Record<string, unknown>[];
    type PowertoolsLike = Record<
      'debug' | 'info' | 'warn' | 'error',
      (input: string | { message: string }, ...extraInput: LogItemExtraInput) => void
    >;
    expectTypeOf<PowertoolsLike>().toExtend<HandlerLogger>();
  });
});
