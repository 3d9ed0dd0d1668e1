import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetWorkGroupCommand,
  InvalidRequestException,
  ListQueryExecutionsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf } from '../tables/fixtures/columns.js';
import { defineTable } from '../tables/table-definition.js';
import { type LocalAthena, startLocalAthena } from './local-athena.js';

let dir: string;
let athena: LocalAthena;
let client: AthenaClient;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sluice-local-athena-'));
  const lines = Array.from({ length: 2500 }, (_, i) => `${i + 1},c${i % 7},${(i % 40) / 4}`);
  await writeFile(join(dir, 'orders.csv'), `orderid,customerid,amount\n${lines.join('\n')}\n`);
  const orders = defineTable({
    name: 'orders',
    database: 'sales',
    format: 'csv',
    location: join(dir, 'orders.csv'),
    columns: columnsOf('orderid:bigint customerid:string amount:decimal(10,2)'),
  });
  athena = await startLocalAthena({
    tables: [orders],
    outputDir: join(dir, 'results'),
    workGroup: 'analytics',
  });
  client = new AthenaClient({ ...athena.clientConfig(), maxAttempts: 1 });
});
afterAll(async () => {
  client?.destroy();
  await athena?.stop();
  await rm(dir, { recursive: true, force: true });
});

type GlueAnswer = {
  Database: { Name: string };
  Table: { StorageDescriptor: { Columns: unknown[] } };
  TableList: unknown[];
};

async function finished(id: string) {
  for (;;) {
    const { QueryExecution } = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    const state = QueryExecution?.Status?.State;
    if (state !== 'QUEUED' && state !== 'RUNNING') return QueryExecution;
  }
}

async function start(
  sql: string,
  extra: Partial<ConstructorParameters<typeof StartQueryExecutionCommand>[0]> = {},
) {
  const output = { OutputLocation: 's3://results-bucket/queries/' };
  const started = await client.send(
    new StartQueryExecutionCommand({ QueryString: sql, ResultConfiguration: output, ...extra }),
  );
  return started.QueryExecutionId as string;
}

describe('the local Athena endpoint', () => {
  it('runs a query with ExecutionParameters to SUCCEEDED, with statistics and the result CSV', async () => {
    const id = await start(
      'SELECT customerid, sum(amount) AS total FROM orders WHERE customerid IN (?, ?) GROUP BY 1 ORDER BY 1',
      {
        ExecutionParameters: ["'c1'", "'c2'"],
        QueryExecutionContext: { Database: 'sales' },
      },
    );
    const execution = await finished(id);
    expect(execution?.Status?.State).toBe('SUCCEEDED');
    expect(execution?.Statistics?.DataScannedInBytes).toBeGreaterThan(20_000);
    expect(execution?.Status?.SubmissionDateTime).toBeInstanceOf(Date);
    expect(execution?.ResultConfiguration?.OutputLocation).toBe(`s3://results-bucket/queries/${id}.csv`);
    const file = join(dir, 'results', 'results-bucket', 'queries', `${id}.csv`);
    expect(await readFile(file, 'utf8')).toBe('"customerid","total"\n"c1","1734.75"\n"c2","1734.00"\n');
    expect(JSON.parse(await readFile(`${file}.metadata`, 'utf8')).ColumnInfo[1]).toMatchObject({
      Name: 'total',
      Type: 'decimal',
      Precision: 38,
      Scale: 2,
    });
  });

  it('pages results by 1,000 rows (MaxResults, NextToken), the header row first', async () => {
    const id = await start('SELECT orderid, amount FROM orders ORDER BY orderid');
    await finished(id);
    const first = await client.send(new GetQueryResultsCommand({ QueryExecutionId: id }));
    expect(first.ResultSet?.Rows).toHaveLength(1000);
    expect(first.ResultSet?.Rows?.[0]?.Data?.map((d) => d.VarCharValue)).toEqual(['orderid', 'amount']);
    expect(first.ResultSet?.ResultSetMetadata?.ColumnInfo?.map((c) => c.Type)).toEqual(['bigint', 'decimal']);
    const small = await client.send(
      new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: first.NextToken, MaxResults: 3 }),
    );
    expect(small.ResultSet?.Rows?.map((r) => r.Data?.[0]?.VarCharValue)).toEqual(['1000', '1001', '1002']);
    let rows = 1000 + 3;
    for (let token = small.NextToken; token; ) {
      const page = await client.send(new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: token }));
      rows += page.ResultSet?.Rows?.length ?? 0;
      token = page.NextToken;
    }
    expect(rows).toBe(2501);
    await expect(
      client.send(new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: 1001 })),
    ).rejects.toThrow(/MaxResults/);
  });

  it('returns the same execution for a repeated ClientRequestToken, refuses it for other SQL', async () => {
    const token = 'a'.repeat(40);
    const first = await start('SELECT 1 AS one', { ClientRequestToken: token });
    expect(await start('SELECT 1 AS one', { ClientRequestToken: token })).toBe(first);
    await expect(start('SELECT 2 AS two', { ClientRequestToken: token })).rejects.toThrow(/Idempotent/);
  });

  it("fails bad SQL with Athena's error category; refuses unknown ids with InvalidRequestException", async () => {
    const execution = await finished(await start('SELECT nope FROM orders'));
    expect(execution?.Status?.State).toBe('FAILED');
    expect(execution?.Status?.AthenaError).toMatchObject({ ErrorCategory: 2, Retryable: false });
    expect(execution?.Status?.StateChangeReason).toMatch(/nope/);
    const wrongCount = await finished(await start('SELECT ? AS a', { ExecutionParameters: ["'x'", "'y'"] }));
    expect(wrongCount?.Status?.StateChangeReason).toMatch(/expected 1 but found 2/);
    const error = await client
      .send(new GetQueryExecutionCommand({ QueryExecutionId: 'missing' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect((error as InvalidRequestException).AthenaErrorCode).toBe('INVALID_INPUT');
    expect((error as InvalidRequestException).$metadata.httpStatusCode).toBe(400);
  });

  it('cancels a running query on StopQueryExecution', async () => {
    const id = await start('SELECT count(*) FROM range(100000000000) a');
    await client.send(new StopQueryExecutionCommand({ QueryExecutionId: id }));
    const execution = await finished(id);
    expect(execution?.Status?.State).toBe('CANCELLED');
    await expect(client.send(new GetQueryResultsCommand({ QueryExecutionId: id }))).rejects.toThrow(
      /CANCELLED/,
    );
  });

  it('lists executions newest first and describes its workgroups', async () => {
    const id = await start('SELECT 3 AS three', { WorkGroup: 'analytics' });
    const listed = await client.send(new ListQueryExecutionsCommand({ WorkGroup: 'analytics' }));
    expect(listed.QueryExecutionIds).toEqual([id]);
    const { WorkGroup } = await client.send(new GetWorkGroupCommand({ WorkGroup: 'primary' }));
    expect(WorkGroup).toMatchObject({ Name: 'primary', State: 'ENABLED' });
    await expect(client.send(new GetWorkGroupCommand({ WorkGroup: 'other' }))).rejects.toThrow(/not found/);
  });

  it("answers Glue's GetDatabase, GetTable and GetTables for the registered tables", async () => {
    const glue = async (operation: string, body: unknown) => {
      const response = await fetch(athena.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSGlue.${operation}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as GlueAnswer };
    };
    expect((await glue('GetDatabase', { Name: 'sales' })).body.Database.Name).toBe('sales');
    const table = (await glue('GetTable', { DatabaseName: 'sales', Name: 'orders' })).body.Table;
    expect(table.StorageDescriptor.Columns[2]).toEqual({ Name: 'amount', Type: 'decimal(10,2)' });
    expect((await glue('GetTables', { DatabaseName: 'sales' })).body.TableList).toHaveLength(1);
    expect(await glue('GetTable', { DatabaseName: 'sales', Name: 'ghost' })).toMatchObject({
      status: 400,
      body: { __type: 'EntityNotFoundException' },
    });
  });
});
