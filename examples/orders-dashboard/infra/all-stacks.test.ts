// The five reference deployments together: least privilege and cdk-nag over every stack.
import { fileURLToPath } from 'node:url';
import { awsSolutionsErrors, leastPrivilegeFindings, type SynthesizedStack, synthForTest } from '@sluice/cdk';
import type { Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcommerceBatchStreamStack, EVENTS_PREFIXES } from '../../ecommerce-batch-stream/infra/stack.js';
import { LAKE_PREFIXES, MultiSourceLakeStack } from '../../multi-source-lake/infra/stack.js';
import { DELIVERY_PREFIXES, RestaurantClickstreamStack } from '../../restaurant-clickstream/infra/stack.js';
import { TransactionStreamStack } from '../../transaction-stream/infra/stack.js';
import { ATHENA_RESULTS_PREFIX, FILTER_OUTPUT_PREFIXES, OrdersDashboardStack } from './stack.js';

interface Deployment {
  name: string;
  synth: () => SynthesizedStack<Stack>;
  /** The prefixes object grants may name, and the construct path of the bucket. */
  prefixes: readonly string[];
  bucket?: (stack: Stack) => { node: { defaultChild?: unknown } };
}

const dir = (example: string) => fileURLToPath(new URL(`../../${example}/`, import.meta.url));
const wiring = { bundle: false };
const DEPLOYMENTS: Deployment[] = [
  {
    name: 'orders-dashboard',
    synth: () =>
      synthForTest((app) => new OrdersDashboardStack(app, 'Orders'), dir('orders-dashboard'), wiring),
    prefixes: ['raw/', ...FILTER_OUTPUT_PREFIXES, ATHENA_RESULTS_PREFIX],
    bucket: (stack) => (stack as OrdersDashboardStack).bucket,
  },
  {
    name: 'restaurant-clickstream',
    synth: () =>
      synthForTest(
        (app) => new RestaurantClickstreamStack(app, 'Clicks'),
        dir('restaurant-clickstream'),
        wiring,
      ),
    prefixes: DELIVERY_PREFIXES,
    bucket: (stack) => (stack as RestaurantClickstreamStack).bucket,
  },
  {
    name: 'multi-source-lake',
    synth: () =>
      synthForTest((app) => new MultiSourceLakeStack(app, 'Lake'), dir('multi-source-lake'), wiring),
    prefixes: LAKE_PREFIXES,
    bucket: (stack) => (stack as MultiSourceLakeStack).bucket,
  },
  {
    name: 'transaction-stream',
    synth: () =>
      synthForTest(
        (app) => new TransactionStreamStack(app, 'Transactions'),
        dir('transaction-stream'),
        wiring,
      ),
    prefixes: [],
  },
  {
    name: 'ecommerce-batch-stream',
    synth: () =>
      synthForTest(
        (app) => new EcommerceBatchStreamStack(app, 'Ecommerce'),
        dir('ecommerce-batch-stream'),
        wiring,
      ),
    prefixes: EVENTS_PREFIXES,
    bucket: (stack) => (stack as EcommerceBatchStreamStack).bucket,
  },
];

const synthesized = new Map<string, SynthesizedStack<Stack>>();
beforeAll(() => {
  for (const deployment of DEPLOYMENTS) synthesized.set(deployment.name, deployment.synth());
}, 120_000);
afterAll(() => {
  for (const stack of synthesized.values()) stack.remove();
});

describe.each(DEPLOYMENTS)('the $name reference deployment', (deployment) => {
  it('grants least privilege: no wildcard action or FullAccess policy, own resources only, S3 under its prefixes', () => {
    const { stack, template } = synthesized.get(deployment.name) as SynthesizedStack<Stack>;
    const bucket = deployment.bucket?.(stack);
    const s3Prefixes = bucket
      ? {
          [stack.resolve(stack.getLogicalId(bucket.node.defaultChild as never)) as string]:
            deployment.prefixes,
        }
      : {};
    expect(leastPrivilegeFindings(template.toJSON(), { s3Prefixes })).toEqual([]);
  });

  it('has no unacknowledged cdk-nag AwsSolutions error', () => {
    expect(awsSolutionsErrors((synthesized.get(deployment.name) as SynthesizedStack<Stack>).stack)).toEqual(
      [],
    );
  });
});
