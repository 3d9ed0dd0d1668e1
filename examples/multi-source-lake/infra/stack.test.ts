import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type StatesDefinition, stateMachineDefinition } from '@sluice/cdk';
import { itFollowsTheReferenceRules, stackUnderTest } from '@sluice/cdk/testing';
import aslValidator from 'asl-validator';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAKE_STATES } from '../src/orchestration/states.js';
import { LAKE_PREFIXES, MultiSourceLakeStack } from './stack.js';
import { DEFINITION_FILE, definitionText } from './write-definition.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
// The stack id the committed definition was generated with (it names no resource, but say it once).
const lake = stackUnderTest((app) => new MultiSourceLakeStack(app, 'SluiceMultiSourceLake'), exampleDir);
const { logicalId } = lake;
let definition: StatesDefinition;

beforeAll(() => {
  definition = stateMachineDefinition(lake.template.toJSON(), 'LakeOrchestration');
});

describe('MultiSourceLakeStack', () => {
  itFollowsTheReferenceRules(lake, { bucket: (stack) => stack.bucket, prefixes: LAKE_PREFIXES });

  it('has two on-demand, encrypted Kinesis streams', () => {
    lake.template.resourcePropertiesCountIs(
      'AWS::Kinesis::Stream',
      { StreamModeDetails: { StreamMode: 'ON_DEMAND' }, StreamEncryption: { EncryptionType: 'KMS' } },
      2,
    );
  });

  it('runs the ingestion simulator every 5 minutes, once per raw file', () => {
    lake.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        Match.objectLike({ Input: '{"domain":"maintenance"}' }),
        Match.objectLike({ Input: '{"domain":"customers"}' }),
      ],
    });
  });

  it('maps each stream to its processor: batch 100, partial failures, bisect, bounded retries, SQS on failure', () => {
    for (const domain of ['maintenance', 'customers'] as const) {
      lake.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [logicalId(lake.stack.streams[domain]), 'Arn'] },
        FunctionName: { Ref: logicalId(lake.stack.processors[domain]) },
        BatchSize: 100,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 3,
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(lake.stack.failures), 'Arn'] } },
        },
      });
    }
  });

  it('moves raw data to cheaper storage after configurable ages and expires quarantine and results', () => {
    lake.template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: 'raw/',
            Transitions: [
              { StorageClass: 'STANDARD_IA', TransitionInDays: { Ref: 'RawInfrequentAccessDays' } },
              { StorageClass: 'GLACIER_IR', TransitionInDays: { Ref: 'RawGlacierDays' } },
            ],
          }),
          Match.objectLike({ Prefix: 'quarantine/', ExpirationInDays: { Ref: 'QuarantineExpirationDays' } }),
          Match.objectLike({ Prefix: 'athena-results/', ExpirationInDays: 7 }),
        ]),
      },
    });
  });

  it('defines the lake tables with projected partitions, no crawler', () => {
    lake.template.resourceCountIs('AWS::Glue::Crawler', 0);
    lake.template.hasResourceProperties('AWS::Glue::Table', {
      TableInput: Match.objectLike({
        Name: 'maintenance',
        Parameters: Match.objectLike({ 'projection.enabled': 'true', 'projection.date.type': 'date' }),
      }),
    });
    lake.template.hasResourceProperties('AWS::Glue::Table', {
      TableInput: Match.objectLike({
        Name: 'customers',
        Parameters: Match.objectLike({
          'projection.customer_segment.values': 'HIGH_VALUE,MEDIUM_VALUE,STANDARD',
        }),
      }),
    });
  });

  it('orchestrates compaction and analytics per domain in parallel, then integration, with working paths', () => {
    const parallel = definition.States[LAKE_STATES.analyse] as { Branches: StatesDefinition[]; Next: string };
    expect(definition.StartAt).toBe(LAKE_STATES.analyse);
    expect(parallel.Next).toBe(LAKE_STATES.integrate);
    expect(parallel.Branches.map((branch) => branch.StartAt)).toEqual([
      LAKE_STATES.compact.maintenance,
      LAKE_STATES.compact.customers,
    ]);
    const compact = parallel.Branches[0]?.States[LAKE_STATES.compact.maintenance] as {
      Resource: string;
      Parameters: Record<string, string>;
    };
    expect(compact.Resource).toBe('arn:aws:states:::athena:startQueryExecution.sync');
    expect(compact.Parameters['QueryString.$']).toMatch(
      /^States\.Format\('UNLOAD \(SELECT .*\$\$\.Execution\.Name\)$/s,
    );
    expect(parallel).toMatchObject({ ResultSelector: { 'maintenance.$': '$[0]', 'customers.$': '$[1]' } });
    const result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: true });
    expect(result.errorsText('\n')).toBe('');
  });

  it('matches the committed state-machine.asl.json the local run executes (regenerate: pnpm run definition)', () => {
    expect(JSON.parse(readFileSync(DEFINITION_FILE, 'utf8'))).toEqual(JSON.parse(definitionText(lake)));
  });
});
