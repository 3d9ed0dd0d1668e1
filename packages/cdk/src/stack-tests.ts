// `@sluice/cdk/testing`: what the examples' infra tests share. It registers vitest hooks and tests,
// so only test files import it (never `infra/app.ts`).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleDir } from './bundles.js';
import { type LeastPrivilegeScope, leastPrivilegeFindings, type TemplateJson } from './least-privilege.js';
import { awsSolutionsErrors } from './nag.js';
import { type SynthesizedStack, synthForTest } from './testing.js';

/** A construct whose CloudFormation resource is its default child (a bucket, a function, a queue). */
export interface HasResource {
  node: { defaultChild?: unknown };
}

/** The stack a test file synthesizes once, readable from its tests on. */
export interface StackUnderTest<S extends Stack> {
  readonly stack: S;
  readonly template: Template;
  /** The cloud assembly folder. */
  readonly outdir: string;
  /** The logical id of a construct's resource, as the template names it. */
  logicalId(construct: HasResource): string;
  /** The module synth bundled for the function whose logical id starts with `logicalIdPrefix`. */
  importBundle(logicalIdPrefix: string): Promise<Record<string, unknown> & { handler: Handler }>;
}

// biome-ignore lint/suspicious/noExplicitAny: a bundle's handler takes whichever event its test builds.
type Handler = (...args: any[]) => Promise<any>;

/**
 * Synthesizes the reference app of `create` before the file's tests (`synthForTest`, cdk-nag
 * registered; bundles only with `bundle: true`) and removes the assembly after them.
 *
 * @example const orders = stackUnderTest((app) => new OrdersDashboardStack(app, 'Orders'), exampleDir);
 */
export function stackUnderTest<S extends Stack>(
  create: (app: App) => S,
  exampleDir: string,
  options: { bundle?: boolean } = {},
): StackUnderTest<S> {
  let synthesized: SynthesizedStack<S> | undefined;
  const get = () => {
    if (!synthesized) throw new Error('the stack is synthesized in beforeAll: read it inside a test');
    return synthesized;
  };
  beforeAll(() => {
    synthesized = synthForTest(create, exampleDir, { bundle: options.bundle ?? false });
  }, 120_000);
  afterAll(() => synthesized?.remove());
  return {
    get stack() {
      return get().stack;
    },
    get template() {
      return get().template;
    },
    get outdir() {
      return get().outdir;
    },
    logicalId: (construct) => logicalIdOf(get().stack, construct),
    importBundle: (prefix) => {
      const { outdir, template } = get();
      return import(pathToFileURL(join(bundleDir(outdir, template.toJSON(), prefix), 'index.mjs')).href);
    },
  };
}

/** The logical id of `construct`'s resource in `stack`'s template. */
export function logicalIdOf(stack: Stack, construct: HasResource): string {
  return stack.resolve(stack.getLogicalId(construct.node.defaultChild as never)) as string;
}

/** The bucket of a stack and the key prefixes its object grants may name. */
export interface BucketPrefixes<S extends Stack> {
  bucket: (stack: S) => HasResource;
  prefixes: readonly string[];
}

/**
 * The two rules every reference deployment follows, as two tests: least privilege
 * (`leastPrivilegeFindings`, object grants under `prefixes` of the stack's bucket) and no
 * unacknowledged cdk-nag AwsSolutions error.
 *
 * @example itFollowsTheReferenceRules(orders, { bucket: (stack) => stack.bucket, prefixes: ['raw/', 'processed/'] });
 */
export function itFollowsTheReferenceRules<S extends Stack>(
  subject: StackUnderTest<S>,
  bucket?: BucketPrefixes<S>,
): void {
  it('grants least privilege: no wildcard action or FullAccess policy, own resources only, S3 under its prefixes', () => {
    const scope: LeastPrivilegeScope = bucket
      ? { s3Prefixes: { [subject.logicalId(bucket.bucket(subject.stack))]: bucket.prefixes } }
      : {};
    expect(leastPrivilegeFindings(subject.template.toJSON(), scope)).toEqual([]);
  });
  it('has no unacknowledged cdk-nag AwsSolutions error', () => {
    expect(awsSolutionsErrors(subject.stack)).toEqual([]);
  });
}

/** Endpoints of the emulators a bundle talks to in a test. */
export interface EmulatorEndpoints {
  s3?: string;
  dynamodb?: string;
  kinesis?: string;
}

/**
 * What a deployed function's default SDK clients read from the environment on Lambda, pointed at
 * emulators: the endpoints, a region, s3rver's credentials (the others accept any) and checksums
 * only when required (s3rver stores aws-chunked bodies verbatim otherwise).
 */
export function emulatorEnvironment(endpoints: EmulatorEndpoints): Record<string, string> {
  return {
    ...(endpoints.s3 && { AWS_ENDPOINT_URL_S3: endpoints.s3 }),
    ...(endpoints.dynamodb && { AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb }),
    ...(endpoints.kinesis && { AWS_ENDPOINT_URL_KINESIS: endpoints.kinesis }),
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  };
}

/** An emulator a bundle test runs: where the SDK reaches it, and how it stops. */
export interface TestEmulator {
  endpoint: string;
  stop(): Promise<void>;
}

type EmulatorStarts = { [S in keyof EmulatorEndpoints]?: () => Promise<TestEmulator> };
type Started<E extends EmulatorStarts> = { [S in keyof E]: E[S] extends () => Promise<infer R> ? R : never };

/**
 * Starts an emulator per service before the file's tests (together) and stops them after; meanwhile
 * a deployed function's default SDK clients reach them ({@link emulatorEnvironment}), with
 * `variables` set as well. Returns the running emulators, to read inside tests and later hooks.
 *
 * @example const emulators = useEmulators({ s3: () => startS3rver({ bucket: 'orders' }) }, { ORDERS_AS_OF: '2025-06-30' });
 */
export function useEmulators<E extends EmulatorStarts>(
  starts: E,
  variables: Record<string, string> = {},
): () => Started<E> {
  let running: Started<E> | undefined;
  const saved = { ...process.env };
  beforeAll(async () => {
    const entries = await Promise.all(
      Object.entries(starts).map(async ([service, start]) => [service, await start?.()] as const),
    );
    running = Object.fromEntries(entries) as Started<E>;
    const endpoints = Object.fromEntries(entries.map(([service, emulator]) => [service, emulator?.endpoint]));
    Object.assign(process.env, emulatorEnvironment(endpoints), variables);
  }, 120_000);
  afterAll(async () => {
    process.env = saved;
    const stopping = Object.values(running ?? {}) as TestEmulator[];
    await Promise.all(stopping.map((emulator) => emulator.stop()));
  });
  return () => {
    if (!running)
      throw new Error('the emulators start in beforeAll: read them inside a test or a later hook');
    return running;
  };
}

/**
 * Sets `variables()` in `process.env` before the file's tests (after the hooks registered before
 * it, so emulators started there can be named) and restores the environment after them.
 *
 * @example useEnvironment(() => ({ ...emulatorEnvironment({ s3: s3rver.endpoint }), ORDERS_AS_OF: '2025-06-30' }));
 */
export function useEnvironment(variables: () => Record<string, string>): void {
  const saved = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, variables());
  });
  afterAll(() => {
    process.env = saved;
  });
}

/**
 * The `CreateTable` input of the DynamoDB table the template defines (logical id starting with
 * `logicalIdPrefix`), named `tableName`: so an emulator holds the table with the deployed key schema.
 *
 * @example await dynamo.send(new CreateTableCommand(createTableInput(template.toJSON(), 'Detections', 'detections')));
 */
export function createTableInput(template: TemplateJson, logicalIdPrefix: string, tableName: string) {
  const tables = Object.entries(template.Resources ?? {}).filter(
    ([id, resource]) => resource.Type === 'AWS::DynamoDB::Table' && id.startsWith(logicalIdPrefix),
  );
  if (tables.length !== 1) throw new Error(`${tables.length} tables match ${logicalIdPrefix}`);
  const props = tables[0]?.[1].Properties ?? {};
  return {
    TableName: tableName,
    KeySchema: props.KeySchema as { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[],
    AttributeDefinitions: props.AttributeDefinitions as {
      AttributeName: string;
      AttributeType: 'S' | 'N' | 'B';
    }[],
    BillingMode: props.BillingMode as 'PAY_PER_REQUEST' | 'PROVISIONED',
  };
}

/** The partition projection of a Glue table: its partition keys and each column's `projection.*` settings. */
export interface PartitionProjection {
  keys: string[];
  /** `{ date: { type: 'date', format: 'yyyy-MM-dd', range: '…' } }`. */
  columns: Record<string, Record<string, unknown>>;
}

/**
 * The partition projection of the Glue table the template names `tableName`, read from its
 * `projection.<column>.<setting>` parameters; undefined when projection is not enabled.
 *
 * @example expect(partitionProjection(template.toJSON(), 'events')?.columns.date).toMatchObject({ type: 'date' });
 */
export function partitionProjection(
  template: TemplateJson,
  tableName: string,
): PartitionProjection | undefined {
  const inputs = Object.values(template.Resources ?? {})
    .filter((resource) => resource.Type === 'AWS::Glue::Table')
    .map((resource) => resource.Properties?.TableInput as GlueTableInput | undefined)
    .filter((input) => input?.Name === tableName);
  if (inputs.length !== 1) throw new Error(`${inputs.length} Glue tables are named ${tableName}`);
  const input = inputs[0] ?? {};
  const parameters = input.Parameters ?? {};
  if (parameters['projection.enabled'] !== 'true') return undefined;
  const columns: PartitionProjection['columns'] = {};
  for (const [name, value] of Object.entries(parameters)) {
    const [, column, setting] = /^projection\.([^.]+)\.(.+)$/.exec(name) ?? [];
    if (column && setting) columns[column] = { ...columns[column], [setting]: value };
  }
  return { keys: (input.PartitionKeys ?? []).map((key) => key.Name), columns };
}

interface GlueTableInput {
  Name?: string;
  PartitionKeys?: { Name: string }[];
  Parameters?: Record<string, unknown>;
}
