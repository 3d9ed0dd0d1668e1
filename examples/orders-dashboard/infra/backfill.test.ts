import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ensurePromiseWithResolvers,
  type StatesDefinition,
  stateMachineDefinition,
  synthForTest,
  withLocalItems,
} from '@sluice/cdk';
import { LocalObjectStore, listAll, readText } from '@sluice/core';
import { s3PutEvent } from '@sluice/core/testing';
import aslValidator from 'asl-validator';
import { StateMachine } from 'aws-local-stepfunctions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackfillItem, filterOrdersHandler } from '../src/handlers/filter-orders.js';
import { BACKFILL_STATES } from './backfill.js';
import { OrdersDashboardStack } from './stack.js';

const exampleDir = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) =>
  readFileSync(new URL(`../src/handlers/fixtures/${name}`, import.meta.url), 'utf8');
let definition: StatesDefinition;
let bucketDir: string;

beforeAll(() => {
  const orders = synthForTest((app) => new OrdersDashboardStack(app, 'Orders'), exampleDir, {
    bundle: false,
  });
  definition = stateMachineDefinition(orders.template.toJSON(), 'BackfillStateMachine');
  orders.remove();
  bucketDir = mkdtempSync(join(tmpdir(), 'sluice-backfill-'));
  ensurePromiseWithResolvers();
});
afterAll(() => rmSync(bucketDir, { recursive: true, force: true }));

/** The Distributed Map's items as S3's ListObjectsV2 `Contents` would hold them. */
async function rawListing(store: LocalObjectStore) {
  const items: { Key: string; Size: number }[] = [];
  for await (const object of listAll(store, 'raw/')) items.push({ Key: object.key, Size: object.size ?? 0 });
  return items;
}

describe('the backfill state machine', () => {
  it('is valid Amazon States Language', () => {
    const result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: true });
    expect(result.errorsText('\n')).toBe('');
    expect(result.isValid).toBe(true);
  });

  it('runs locally: every raw object through the filter handler, non-CSV objects skipped by its rule', async () => {
    const store = new LocalObjectStore(bucketDir);
    await store.put('raw/2025/June Orders.csv', fixture('orders-crlf-quoted-amount.csv'));
    await store.put('raw/no-status.csv', fixture('orders-without-status.csv'));
    await store.put('raw/readme.txt', 'not orders');
    const filter = filterOrdersHandler({ store, env: { ORDERS_AS_OF: '2025-06-30' }, log: () => {} });
    // The Distributed Map's ItemReader (an S3 listing) and the Lambda task have no local runner:
    // the listing comes from the local store, the task is the handler over that store.
    const machine = new StateMachine(withLocalItems(definition, BACKFILL_STATES.map, '$.items') as never);
    const execution = machine.run({ items: await rawListing(store) } as never, {
      overrides: {
        taskResourceLocalHandlers: {
          [BACKFILL_STATES.filter]: async (input) => {
            const item = input as unknown as BackfillItem;
            await filter(s3PutEvent(item.bucket, { key: item.key, size: item.size ?? 0 }));
            return null;
          },
        },
      },
    });
    await execution.result;
    const written: string[] = [];
    for await (const object of listAll(store, '')) written.push(object.key);
    expect(written.filter((key) => !key.startsWith('raw/')).sort()).toEqual([
      'processed-parquet/2025/June Orders.parquet',
      'processed/2025/June Orders.csv',
      'quarantine/2025/June Orders.jsonl',
      'quarantine/no-status.jsonl',
      'reports/2025/June Orders.json',
    ]);
    expect(await readText(store, 'quarantine/no-status.jsonl')).toContain('unreadable-object');
  });
});
