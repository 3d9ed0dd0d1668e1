import { fileURLToPath } from 'node:url';
import { itFollowsTheReferenceRules, partitionProjection, stackUnderTest } from '@sluice/cdk/testing';
import { firehoseEvent } from '@sluice/core/testing';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CLICKS_ERROR_PREFIX, CLICKS_PREFIX } from '../src/clicks-table.js';
import { DELIVERY_PREFIXES, RestaurantClickstreamStack } from './stack.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const clicks = stackUnderTest((app) => new RestaurantClickstreamStack(app, 'Clicks'), exampleDir, {
  bundle: true,
});
const { logicalId } = clicks;

describe('RestaurantClickstreamStack', () => {
  itFollowsTheReferenceRules(clicks, { bucket: (stack) => stack.bucket, prefixes: DELIVERY_PREFIXES });

  it('puts POST /clicks straight into Firehose (no Lambda), IAM-signed, body checked by the click model', () => {
    clicks.template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      AuthorizationType: 'AWS_IAM',
      RequestModels: { 'application/json': Match.anyValue() },
      Integration: Match.objectLike({
        Type: 'AWS',
        Uri: { 'Fn::Join': ['', Match.arrayWith([':firehose:action/PutRecord'])] },
      }),
    });
    clicks.template.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true });
    clicks.template.hasResourceProperties('AWS::ApiGateway::Model', {
      Schema: Match.objectLike({
        $schema: 'http://json-schema.org/draft-04/schema#',
        required: ['element_clicked', 'time_spent', 'source_menu'],
        properties: Match.objectLike({ time_spent: { type: 'number', minimum: 0 } }),
      }),
    });
  });

  it('runs the transform Lambda in Firehose, partitions by datehour, routes failures to the error prefix', () => {
    clicks.template.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', {
      ExtendedS3DestinationConfiguration: Match.objectLike({
        Prefix: CLICKS_PREFIX,
        ErrorOutputPrefix: CLICKS_ERROR_PREFIX,
        DynamicPartitioningConfiguration: Match.objectLike({ Enabled: true }),
        ProcessingConfiguration: {
          Enabled: true,
          Processors: [
            Match.objectLike({
              Type: 'Lambda',
              Parameters: Match.arrayWith([
                {
                  ParameterName: 'LambdaArn',
                  ParameterValue: { 'Fn::GetAtt': [logicalId(clicks.stack.enrich), 'Arn'] },
                },
              ]),
            }),
          ],
        },
      }),
    });
  });

  it('defines the clicks table with partition projection on datehour', () => {
    expect(partitionProjection(clicks.template.toJSON(), 'clicks')).toMatchObject({
      keys: ['datehour'],
      columns: { datehour: { type: 'date', format: 'yyyy/MM/dd/HH' } },
    });
  });

  it('ships a transform bundle that answers a Firehose event: Ok with datehour, ProcessingFailed', async () => {
    const { handler } = await clicks.importBundle('EnrichClicks');
    const click = {
      element_clicked: 'drink_3',
      time_spent: 14,
      source_menu: 'menu',
      created_at: '2022-09-11 23:00:00',
    };
    const inputs = [
      { recordId: 'r1', data: click },
      { recordId: 'r2', data: { time_spent: -1 } },
    ];
    const event = firehoseEvent(inputs, { deliveryStreamName: 'clicks', invocationId: 'i1' });
    const context = {
      getRemainingTimeInMillis: () => 60_000,
      functionName: 'EnrichClicks',
      awsRequestId: 'r',
    };
    const { records } = await handler(event, context);
    expect(records.map((r: { recordId: string; result: string }) => [r.recordId, r.result])).toEqual([
      ['r1', 'Ok'],
      ['r2', 'ProcessingFailed'],
    ]);
    expect(records[0].metadata).toEqual({ partitionKeys: { datehour: '2022/09/11/23' } });
    expect(JSON.parse(Buffer.from(records[0].data, 'base64').toString())).toMatchObject({
      item_category: 'drink',
    });
  });
});
