import { fileURLToPath } from 'node:url';
import { toCdkTableInput } from '@sluice/athena';
import {
  acknowledge,
  glueDatabase,
  glueTable,
  grantObjects,
  PipelineBucket,
  SluiceFunction,
} from '@sluice/cdk';
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  AwsIntegration,
  CfnModel,
  LogGroupLogDestination,
  MethodLoggingLevel,
  Model,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnDeliveryStream } from 'aws-cdk-lib/aws-kinesisfirehose';
import { LogGroup, LogStream, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { CLICKS_ERROR_PREFIX, CLICKS_PREFIX, clicksTable } from '../src/clicks-table.js';
import { clickRequestModel } from './click-model.js';

/** The fixed parts of the delivery stream's prefixes: what its role may write. */
export const DELIVERY_PREFIXES = ['clicks/', 'clicks-errors/'] as const;

/** Settings of {@link RestaurantClickstreamStack}. */
export interface RestaurantClickstreamStackProps extends StackProps {
  /** Glue database name; one per account and region. Default `clickstream`. */
  databaseName?: string;
}

/**
 * Seed 001 on AWS: `POST /clicks` (IAM-signed, body checked against the click schema) puts each
 * click straight into Firehose; Firehose runs the enrichment Lambda, partitions by the `datehour` it
 * returns and writes failed records under the error prefix; the `clicks` table projects the hours.
 */
export class RestaurantClickstreamStack extends Stack {
  // Built as fields, in this order, right after the stack itself: each uses the ones before.
  readonly bucket = new PipelineBucket(this, 'Clicks');
  readonly enrich = new SluiceFunction(this, 'EnrichClicks', {
    entry: fileURLToPath(new URL('../src/handlers/enrich-clicks.ts', import.meta.url)),
    description: 'Seed 001 Firehose transform: enriched click, datehour partition key',
    environment: { CLICKS_METRICS_NAMESPACE: 'Sluice/RestaurantClickstream' },
  });
  readonly deliveryStream = this.firehose();
  readonly api = this.restApi();

  constructor(scope: Construct, id: string, props: RestaurantClickstreamStackProps = {}) {
    super(scope, id, props);
    const databaseName = props.databaseName ?? 'clickstream';
    const database = glueDatabase(this, databaseName, 'Sluice restaurant clickstream (seed 001)');
    glueTable(database, toCdkTableInput(clicksTable({ bucket: this.bucket.bucketName })));
    new CfnOutput(this, 'BucketName', { value: this.bucket.bucketName });
  }

  private firehose(): CfnDeliveryStream {
    const role = new Role(this, 'DeliveryRole', {
      assumedBy: new ServicePrincipal('firehose.amazonaws.com'),
    });
    grantObjects(role, this.bucket, { write: DELIVERY_PREFIXES });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'],
        resources: [this.bucket.bucketArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction', 'lambda:GetFunctionConfiguration'],
        resources: [this.enrich.functionArn],
      }),
    );
    const logGroup = new LogGroup(this, 'DeliveryLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const logStream = new LogStream(this, 'DeliveryErrors', {
      logGroup,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    logGroup.grantWrite(role);
    const stream = new CfnDeliveryStream(this, 'Delivery', {
      deliveryStreamType: 'DirectPut',
      deliveryStreamEncryptionConfigurationInput: { keyType: 'AWS_OWNED_CMK' },
      extendedS3DestinationConfiguration: {
        bucketArn: this.bucket.bucketArn,
        roleArn: role.roleArn,
        prefix: CLICKS_PREFIX,
        errorOutputPrefix: CLICKS_ERROR_PREFIX,
        // Dynamic partitioning needs a buffer of at least 64 MB; a minute bounds the delay.
        bufferingHints: { sizeInMBs: 64, intervalInSeconds: 60 },
        compressionFormat: 'UNCOMPRESSED',
        dynamicPartitioningConfiguration: { enabled: true, retryOptions: { durationInSeconds: 300 } },
        processingConfiguration: {
          enabled: true,
          processors: [
            {
              type: 'Lambda',
              parameters: [
                { parameterName: 'LambdaArn', parameterValue: this.enrich.functionArn },
                { parameterName: 'BufferSizeInMBs', parameterValue: '1' },
                { parameterName: 'BufferIntervalInSeconds', parameterValue: '60' },
              ],
            },
          ],
        },
        cloudWatchLoggingOptions: {
          enabled: true,
          logGroupName: logGroup.logGroupName,
          logStreamName: logStream.logStreamName,
        },
      },
    });
    stream.node.addDependency(role);
    return stream;
  }

  private restApi(): RestApi {
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const api = new RestApi(this, 'Api', {
      description: 'Sluice restaurant clickstream: POST /clicks into Firehose',
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.DESTROY,
      deployOptions: {
        stageName: 'v1',
        loggingLevel: MethodLoggingLevel.ERROR,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
        throttlingRateLimit: 100,
        throttlingBurstLimit: 200,
      },
    });
    const model = new CfnModel(this, 'ClickModel', {
      restApiId: api.restApiId,
      contentType: 'application/json',
      name: 'Click',
      schema: clickRequestModel(),
    });
    const role = new Role(this, 'ApiToFirehoseRole', {
      assumedBy: new ServicePrincipal('apigateway.amazonaws.com'),
    });
    role.addToPolicy(
      new PolicyStatement({ actions: ['firehose:PutRecord'], resources: [this.deliveryStream.attrArn] }),
    );
    api.root.addResource('clicks').addMethod('POST', this.putRecordIntegration(role), {
      authorizationType: AuthorizationType.IAM,
      requestModels: { 'application/json': Model.fromModelName(this, 'ClickModelName', model.ref) },
      requestValidatorOptions: { validateRequestBody: true, validateRequestParameters: true },
      methodResponses: [{ statusCode: '200' }, { statusCode: '400' }, { statusCode: '500' }],
    });
    this.acknowledgeApi(api);
    return api;
  }

  /** Firehose `PutRecord` with the body as sent, base64 (no escaping that could mangle `\u2013`). */
  private putRecordIntegration(role: Role): AwsIntegration {
    return new AwsIntegration({
      service: 'firehose',
      action: 'PutRecord',
      options: {
        credentialsRole: role,
        requestTemplates: {
          'application/json': JSON.stringify({
            DeliveryStreamName: this.deliveryStream.ref,
            Record: { Data: '$util.base64Encode($input.body)' },
          }),
        },
        integrationResponses: [
          {
            statusCode: '200',
            responseTemplates: { 'application/json': '{"RecordId": $input.json(\'$.RecordId\')}' },
          },
          { statusCode: '400', selectionPattern: '4\\d{2}' },
          { statusCode: '500', selectionPattern: '5\\d{2}' },
        ],
      },
    });
  }

  private acknowledgeApi(api: RestApi): void {
    acknowledge(
      api,
      'Callers sign with SigV4 (IAM authorization); a Cognito user pool would add users this pipeline does not have',
      'AwsSolutions-COG4',
    );
    acknowledge(
      api,
      'Only IAM-signed requests reach the method and the stage is throttled; a WAF web ACL would cost more at idle than the whole pipeline',
      'AwsSolutions-APIG3',
    );
    acknowledge(
      api,
      "API Gateway's account-level logging role; AmazonAPIGatewayPushToCloudWatchLogs is the policy AWS documents for it",
      `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]`,
    );
  }
}
