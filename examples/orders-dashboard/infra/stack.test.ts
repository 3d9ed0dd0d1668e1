import { fileURLToPath } from 'node:url';
import { stateMachineDefinition } from '@sluice/cdk';
import { itFollowsTheReferenceRules, stackUnderTest } from '@sluice/cdk/testing';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PROCESSED_COLUMNS } from '../src/processed-table.js';
import { BACKFILL_STATES } from './backfill.js';
import { ATHENA_RESULTS_PREFIX, FILTER_OUTPUT_PREFIXES, OrdersDashboardStack } from './stack.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const orders = stackUnderTest((app) => new OrdersDashboardStack(app, 'Orders'), exampleDir);
const { logicalId } = orders;

describe('OrdersDashboardStack', () => {
  itFollowsTheReferenceRules(orders, {
    bucket: (stack) => stack.bucket,
    prefixes: ['raw/', ...FILTER_OUTPUT_PREFIXES, ATHENA_RESULTS_PREFIX],
  });

  it('notifies the filter of objects created under raw/ ending .csv, and nothing else', () => {
    orders.template.resourceCountIs('Custom::S3BucketNotifications', 1);
    orders.template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: {
              Key: {
                FilterRules: [
                  { Name: 'suffix', Value: '.csv' },
                  { Name: 'prefix', Value: 'raw/' },
                ],
              },
            },
            LambdaFunctionArn: { 'Fn::GetAtt': [logicalId(orders.stack.filter), 'Arn'] },
          },
        ],
      },
    });
  });

  it('defines the processed table from the library definition, with no crawler', () => {
    orders.template.resourceCountIs('AWS::Glue::Crawler', 0);
    orders.template.hasResourceProperties('AWS::Glue::Table', {
      TableInput: Match.objectLike({
        Name: 'processed',
        TableType: 'EXTERNAL_TABLE',
        StorageDescriptor: Match.objectLike({
          Columns: PROCESSED_COLUMNS.map((column) => ({ Name: column.name, Type: column.type })),
          Location: { 'Fn::Join': ['', ['s3://', { Ref: logicalId(orders.stack.bucket) }, '/processed/']] },
        }),
      }),
    });
  });

  it('enforces an Athena workgroup writing results under enriched/ with a bytes-scanned cutoff', () => {
    orders.template.hasResourceProperties('AWS::Athena::WorkGroup', {
      WorkGroupConfiguration: Match.objectLike({
        EnforceWorkGroupConfiguration: true,
        BytesScannedCutoffPerQuery: { Ref: 'AthenaBytesScannedCutoff' },
        ResultConfiguration: Match.objectLike({
          OutputLocation: {
            'Fn::Join': ['', ['s3://', { Ref: logicalId(orders.stack.bucket) }, `/${ATHENA_RESULTS_PREFIX}`]],
          },
        }),
      }),
    });
  });

  it('serves the dashboard Lambda through a Function URL that needs IAM signatures', () => {
    orders.template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'AWS_IAM',
      TargetFunctionArn: { 'Fn::GetAtt': [logicalId(orders.stack.dashboard), 'Arn'] },
    });
  });

  it('backfills raw/ with a Distributed Map: S3 listing, bounded concurrency, tolerated failures', () => {
    const definition = stateMachineDefinition(orders.template.toJSON(), 'BackfillStateMachine');
    const map = definition.States[BACKFILL_STATES.map] as Record<string, unknown>;
    expect(map).toMatchObject({
      Type: 'Map',
      MaxConcurrency: 10,
      ToleratedFailurePercentage: 5,
      ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Prefix: 'raw/' } },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' } },
    });
    orders.template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL' }),
      TracingConfiguration: { Enabled: true },
    });
  });
});
