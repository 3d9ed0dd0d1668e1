import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readText } from '@sluice/core';
import { describe, expect, it, vi } from 'vitest';
import { readmeExamples } from '../../../scripts/readme-examples.js';
import { queryDuckDb } from '../src/testing/duckdb.js';

// Every ```ts block of the README is one of these files (scripts/readme-examples.ts); importing a
// file runs it, in a temporary folder. S3 runs on s3rver, DynamoDB on dynalite, Kinesis, Firehose and
// SNS at the client boundary (aws-sdk-client-mock).
const packageDir = readmeExamples(import.meta.dirname, 'sinks');

describe('S3', () => {
  it('S3 object store: puts and reads back through S3ObjectStore on s3rver', async () => {
    const { s3, store, read } = (await import('./s3-object-store.js')).ran;
    try {
      expect(Buffer.concat(read).toString()).toBe('orderid,status\n1,shipped\n');
      expect((await store.list('')).objects.map((o) => o.key)).toEqual(['processed/orders.csv']);
    } finally {
      await s3.stop();
    }
  });

  it('s3rver: starts, stores, stops', async () => {
    const { head } = (await import('./s3rver-testing.js')).ran;
    expect(head).toMatchObject({ key: 'raw/orders.csv', size: 5 });
  });

  it('emulator client config: the settings the README lists', async () => {
    const { config } = (await import('./emulator-client-config.js')).ran;
    expect(config).toEqual({
      endpoint: 'http://127.0.0.1:4568',
      region: 'us-east-1',
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  });

  it('S3 put handler: processed bytes, quarantine lines and the report from an S3 put event', async () => {
    const { handler, s3 } = await import('./s3-handler.js');
    const { S3ObjectStore } = await import('@sluice/sinks/s3');
    const store = new S3ObjectStore({ bucket: s3.bucket, client: s3.clientConfig });
    try {
      await store.put('raw/orders.csv', 'id,Status\r\n1,shipped\r\n2,\r\n3\r\n');
      await store.put('raw/no status.csv', 'id,state\n1,shipped\n');
      const put = JSON.parse(
        await readFile(
          join(packageDir, '../core/src/lambda/fixtures/events/s3/object-created-put.json'),
          'utf8',
        ),
      );
      const record = put.Records[0];
      const event = {
        Records: [
          {
            ...record,
            s3: {
              ...record.s3,
              bucket: { ...record.s3.bucket, name: s3.bucket },
              object: { key: 'raw/orders.csv' },
            },
          },
          {
            ...record,
            s3: {
              ...record.s3,
              bucket: { ...record.s3.bucket, name: s3.bucket },
              object: { key: 'raw/no+status.csv' },
            },
          },
          {
            ...record,
            eventName: 'ObjectRemoved:Delete',
            s3: { ...record.s3, object: { key: 'raw/gone.csv' } },
          },
        ],
      };
      await expect(handler(event)).resolves.toBeUndefined();
      expect(await readText(store, 'processed/orders.csv')).toBe('id,Status\r\n1,shipped\r\n');
      const quarantined = (await readText(store, 'quarantine/orders.jsonl'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(quarantined.map((q) => [q.reason, q.position.line])).toEqual([['ragged-row', 4]]);
      expect(JSON.parse(await readText(store, 'reports/orders.json'))).toMatchObject({
        read: 3,
        kept: 1,
        dropped: { 'no-status': 1 },
        rejected: { 'ragged-row': 1 },
      });
      const whole = JSON.parse(await readText(store, 'quarantine/raw/no status.csv.jsonl'));
      expect(whole).toMatchObject({ reason: 'no-status-column' });
    } finally {
      await s3.stop();
    }
  });
});

describe('files', () => {
  it('CSV: writes the rows that fit the columns and returns the misfit', async () => {
    const { store, file } = (await import('./formats.js')).ran;
    expect(file).toMatchObject({ key: 'processed/orders.csv', rows: 2 });
    expect(file.rejected.map((r) => r.reason)).toEqual(['csv-unexpected-column']);
    expect(await readText(store, 'processed/orders.csv')).toBe('orderid,status\n1,shipped\n3,pending\n');
  });

  it('Parquet: rows and columns DuckDB reads back, the misfit rejected', async () => {
    const { written } = (await import('./parquet.js')).ran;
    expect(written).toMatchObject({ key: 'lake/orders.parquet', rows: 2 });
    expect(written.rejected.map((r) => r.reason)).toEqual(['parquet-type']);
    const rows = await queryDuckDb(
      `select orderid, status, amount::varchar as amount from read_parquet('out/lake/*.parquet', filename = true) order by filename, orderid`,
    );
    expect(rows).toEqual([
      { orderid: '1', status: 'shipped', amount: '19.99' },
      { orderid: '2', status: 'pending', amount: '5.00' },
      { orderid: '1', status: 'shipped', amount: '19.99' },
      { orderid: '2', status: 'pending', amount: '5.00' },
    ]);
  });

  it('datasets: one Hive partition folder per date', async () => {
    const { result } = (await import('./dataset.js')).ran;
    expect(result.files.map((f) => [f.partition, f.rows])).toEqual([
      [{ orderdate: '2025-01-31' }, 2],
      [{ orderdate: '2025-02-01' }, 1],
    ]);
    expect(result.files[0]?.key).toMatch(/^lake\/orders\/orderdate=2025-01-31\/part-[0-9a-f]+-0\.parquet$/);
  });

  it('metrics: one EMF document of the report, one of the single metric', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    await import('./metrics.js');
    const documents = log.mock.calls.map(([line]) => JSON.parse(String(line)));
    log.mockRestore();
    expect(documents).toHaveLength(2);
    expect(documents[0]).toMatchObject({
      RecordsRead: 4,
      RecordsKept: 2,
      RecordsDropped: 1,
      RecordsRejected: 1,
    });
    expect(documents[1]).toMatchObject({ BotDetections: 1, Pipeline: 'bots', Severity: 'high' });
  });
});

describe('AWS services', () => {
  it('DynamoDB: created, duplicate and conflict; a batch collapses and rejects; upsert by (key, windowStart)', async () => {
    const { stored, again, clash, batch, window } = (await import('./dynamodb.js')).ran;
    expect([stored, again, clash]).toEqual(['created', 'duplicate', 'conflict']);
    expect(batch).toMatchObject({ written: 1, collapsed: 1 });
    expect(batch.rejected.map((r) => r.reason)).toEqual(['missing-key']);
    expect(window).toMatchObject({ key: 'user-42', count: 12 });
  });

  it('Kinesis: an invalid key rejected, a throttled entry retried alone', async () => {
    const { report, calls } = (await import('./kinesis.js')).ran;
    expect(report).toMatchObject({ sent: 2, retried: 1, failed: [] });
    expect(report.rejected.map((r) => r.reason)).toEqual(['invalid-partition-key']);
    expect(calls.map((c) => c.Records?.map((r) => r.PartitionKey))).toEqual([['M-1', 'M-2'], ['M-2']]);
  });

  it('Firehose: one JSON line per record', async () => {
    const { report, calls } = (await import('./firehose.js')).ran;
    expect(report).toMatchObject({ sent: 2, retried: 0, rejected: [], failed: [] });
    const data = calls[0]?.Records?.map((r) => Buffer.from(r.Data ?? []).toString());
    expect(data).toEqual([
      '{"element_clicked":"drink_3","time_spent":14}\n',
      '{"element_clicked":"main_course_12","time_spent":3}\n',
    ]);
  });

  it('SNS: one notification goes out with Publish, attributes typed', async () => {
    const { delivery, calls } = (await import('./sns.js')).ran;
    expect(delivery).toMatchObject({ sent: 1, retried: 0, rejected: [], failed: [] });
    expect(calls[0]).toMatchObject({
      Subject: 'Large order',
      MessageAttributes: {
        status: { DataType: 'String' },
        total: { DataType: 'Number', StringValue: '120' },
      },
    });
  });

  it('local counterparts: dynalite on disk and a JSON Lines notifier', async () => {
    const { notifier } = (await import('./local.js')).ran;
    expect(await notifier.sent()).toMatchObject([{ subject: 'Order confirmed', message: 'T-1' }]);
  });

  it('dynalite and kinesalite: both answer', async () => {
    const { tables, streams } = (await import('./dynalite-kinesalite.js')).ran;
    expect(tables.TableNames).toEqual([]);
    expect(streams.StreamNames).toEqual([]);
  });
});
