import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbSink } from '../dynamodb/dynamodb-sink.js';
import { startLocalDynamo } from './local-dynamo.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sluice-dynamo-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const table = { tableName: 'transactions', partitionKey: 'TransactionID' };

describe('startLocalDynamo', () => {
  it('keeps tables and items across restarts when given a directory', async () => {
    const first = await startLocalDynamo({ path: dir, tables: [table] });
    const write = new DynamoDbSink({ ...table, clientConfig: first.clientConfig });
    expect(await write.putIfAbsent({ TransactionID: 't-1', quantity: 2 })).toBe('created');
    await first.stop();

    const second = await startLocalDynamo({ path: dir, tables: [table] });
    const read = new DynamoDbSink({ ...table, clientConfig: second.clientConfig });
    // The second run sees the first run's write, so a redelivery is recognised.
    expect(await read.putIfAbsent({ TransactionID: 't-1', quantity: 2 })).toBe('duplicate');
    await second.stop();
  });
});
