import { Duration } from 'aws-cdk-lib';
import { Stream, StreamEncryption, StreamMode } from 'aws-cdk-lib/aws-kinesis';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.js';

/**
 * A queue that is itself where failures end (an event-source mapping's on-failure destination, or
 * a dead-letter queue): SQS-managed encryption, TLS enforced, kept 14 days (the most SQS allows).
 * `why` tells cdk-nag why it has no dead-letter queue of its own.
 *
 * @example const failures = failureQueue(this, 'DetectorFailures', 'This queue is itself … nothing consumes it automatically');
 */
export function failureQueue(scope: Construct, id: string, why: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, why, 'AwsSolutions-SQS3');
  return queue;
}

/** An on-demand Kinesis stream, AWS-managed encryption, records kept 24 hours. */
export function onDemandStream(scope: Construct, id: string): Stream {
  return new Stream(scope, id, {
    streamMode: StreamMode.ON_DEMAND,
    encryption: StreamEncryption.MANAGED,
    retentionPeriod: Duration.hours(24),
  });
}
