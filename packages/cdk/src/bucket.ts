import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  EventType,
  type LifecycleRule,
  type NotificationKeyFilter,
} from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.js';

/** Props of {@link PipelineBucket}. */
export interface PipelineBucketProps {
  /** What expires or moves to cheaper storage, by prefix. Default none. */
  lifecycleRules?: LifecycleRule[];
}

/** The id of the custom resource `addEventNotification` adds to the stack (a CDK constant). */
const NOTIFICATIONS_HANDLER = 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834';

/**
 * The one bucket of a reference deployment: S3-managed encryption, public access blocked, TLS
 * enforced, kept when the stack is deleted. Server access logs are acknowledged to cdk-nag rather
 * than written: they would need a second bucket that costs more than the pipeline.
 *
 * @example
 * const bucket = new PipelineBucket(this, 'Orders', {
 *   lifecycleRules: [{ prefix: 'enriched/athena/', expiration: Duration.days(7) }],
 * });
 */
export class PipelineBucket extends Bucket {
  constructor(scope: Construct, id: string, props: PipelineBucketProps = {}) {
    super(scope, id, {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(props.lifecycleRules && { lifecycleRules: props.lifecycleRules }),
    });
    acknowledge(
      this,
      'A single-bucket reference deployment: CloudTrail data events are the audit path when one is needed; server access logs would need a second bucket that costs more than the pipeline',
      'AwsSolutions-S1',
    );
  }

  /**
   * Invokes `fn` for each object created under `filter` (`{ prefix: 'raw/', suffix: '.csv' }`), and
   * acknowledges the basic execution role of the custom resource CDK adds to configure it.
   */
  notifyOnCreate(fn: IFunction, filter: NotificationKeyFilter): void {
    this.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn), filter);
    acknowledge(
      Stack.of(this).node.findChild(NOTIFICATIONS_HANDLER),
      "CDK's bucket-notification custom resource runs with AWS's basic Lambda execution role; it writes only its own logs",
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    );
  }
}
