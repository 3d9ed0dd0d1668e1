import { fileURLToPath } from 'node:url';
import { itFollowsTheReferenceRules, partitionProjection, stackUnderTest } from '@sluice/cdk/testing';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { EcommerceBatchStreamStack, EVENTS_PREFIXES, INSIGHT_QUERIES } from './stack.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const shop = stackUnderTest((app) => new EcommerceBatchStreamStack(app, 'Ecommerce'), exampleDir);
const { logicalId } = shop;

describe('EcommerceBatchStreamStack', () => {
  itFollowsTheReferenceRules(shop, { bucket: (stack) => stack.bucket, prefixes: EVENTS_PREFIXES });

  it('feeds the stream to the detector one ordered batch per shard, with partial failures', () => {
    shop.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [logicalId(shop.stack.stream), 'Arn'] },
      FunctionName: { Ref: logicalId(shop.stack.detector) },
      ParallelizationFactor: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
    });
  });

  it('keeps detections in a table with TTL, and alerts through the topic', () => {
    shop.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'key', KeyType: 'HASH' },
        { AttributeName: 'windowStart', KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
    shop.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          ALERT_TOPIC_ARN: { Ref: logicalId(shop.stack.alerts) },
          DETECTION_TTL_DAYS: { Ref: 'DetectionTtlDays' },
        }),
      },
    });
  });

  it('defines the events Parquet table with projected date partitions', () => {
    expect(partitionProjection(shop.template.toJSON(), 'events')).toMatchObject({
      keys: ['date'],
      columns: { date: { type: 'date', format: 'yyyy-MM-dd' } },
    });
  });

  it('saves the batch insights as named queries with the library SQL', () => {
    const named = Object.values(shop.template.findResources('AWS::Athena::NamedQuery'));
    expect(named.map((q) => [q.Properties.Name, q.Properties.QueryString])).toEqual(
      INSIGHT_QUERIES.map((query) => [query.name, query.sql]),
    );
    expect(
      named.find((q) => q.Properties.Name === 'low_conversion_brands')?.Properties.Description,
    ).toContain('Parameters, in order: min_views, max_conversion.');
  });

  it('converts raw/*.csv puts to Parquet', () => {
    shop.template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          Match.objectLike({
            Filter: {
              Key: {
                FilterRules: [
                  { Name: 'suffix', Value: '.csv' },
                  { Name: 'prefix', Value: 'raw/' },
                ],
              },
            },
          }),
        ],
      },
    });
  });
});
