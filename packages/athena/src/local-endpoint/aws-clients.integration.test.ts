import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processedOrders } from '../duckdb/fixtures/processed-orders.js';
import { type LocalAthena, startLocalAthena } from './local-athena.js';

// Clients no one here wrote: Debian's awscli and python3-boto3 (.ci/run installs them). Missing
// clients fail these tests: they are never skipped.
const run = promisify(execFile);
const fixture = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const INSTALL = 'install them: apt-get update && apt-get install -y awscli python3-boto3 (as .ci/run does)';

let dir: string;
let athena: LocalAthena;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sluice-aws-clients-'));
  athena = await startLocalAthena({
    tables: [processedOrders],
    outputDir: join(dir, 'results'),
    database: 'orders_db',
  });
  // Dummy credentials and no config files: nothing on this machine decides where the clients go.
  env = {
    PATH: process.env.PATH,
    HOME: dir,
    AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-test-secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
  };
});
afterAll(async () => {
  await athena?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function client(command: string, args: string[]): Promise<string> {
  try {
    return (await run(command, args, { env, timeout: 60_000 })).stdout;
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === 'ENOENT') throw new Error(`${command} is not installed; ${INSTALL}`);
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr ?? String(error)}`);
  }
}

// Debian's boto3 lives with Debian's interpreter; a python3 earlier on PATH (pyenv, a venv) may lack it.
const DEBIAN_PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const DEBIAN_AWS = existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws';

const aws = async (...args: string[]) =>
  JSON.parse(await client(DEBIAN_AWS, [...args, '--endpoint-url', athena.endpoint, '--output', 'json']));

describe("Debian's awscli against the local Athena endpoint", () => {
  it('starts a query with a parameter, polls it to SUCCEEDED and reads its rows', async () => {
    const { QueryExecutionId: id } = await aws(
      'athena',
      'start-query-execution',
      '--query-string',
      'SELECT status, count(*) AS order_count FROM processed WHERE status <> ? GROUP BY status ORDER BY 2 DESC',
      '--execution-parameters',
      "'pending'",
      '--work-group',
      'primary',
      '--result-configuration',
      'OutputLocation=s3://aws-orders-pipeline/enriched/',
    );
    let execution = (await aws('athena', 'get-query-execution', '--query-execution-id', id)).QueryExecution;
    while (execution.Status.State === 'QUEUED' || execution.Status.State === 'RUNNING') {
      execution = (await aws('athena', 'get-query-execution', '--query-execution-id', id)).QueryExecution;
    }
    expect(execution.Status.State).toBe('SUCCEEDED');
    expect(execution.Statistics.DataScannedInBytes).toBeGreaterThan(0);
    const results = await aws('athena', 'get-query-results', '--query-execution-id', id);
    const rows = results.ResultSet.Rows.map((row: { Data: { VarCharValue?: string }[] }) =>
      row.Data.map((cell) => cell.VarCharValue),
    );
    expect(rows).toEqual([
      ['status', 'order_count'],
      ['shipped', '4'],
      ['confirmed', '3'],
    ]);
    expect(results.ResultSet.ResultSetMetadata.ColumnInfo.map((c: { Type: string }) => c.Type)).toEqual([
      'varchar',
      'bigint',
    ]);
  });

  it("reads the table from Glue and gets Athena's error shape for an unknown query id", async () => {
    const { Table } = await aws('glue', 'get-table', '--database-name', 'orders_db', '--name', 'processed');
    expect(Table.StorageDescriptor.Columns.map((c: { Name: string }) => c.Name)).toEqual([
      'orderid',
      'customerid',
      'orderdate',
      'status',
      'amount',
    ]);
    await expect(aws('athena', 'get-query-results', '--query-execution-id', 'nope')).rejects.toThrow(
      /InvalidRequestException.*nope/,
    );
  });
});

describe("Debian's python3-boto3 running the seed 000 dashboard loop", () => {
  it('runs the five seed queries: start, poll, page through results, read the CSV in the output folder', async () => {
    const stdout = await client(DEBIAN_PYTHON, [
      fixture('fixtures/seed-000-dashboard.py'),
      athena.endpoint,
      fixture('../duckdb/fixtures/seed-000-athena-queries.sql'),
      join(dir, 'results'),
    ]);
    const [byCustomer, monthly, byStatus, aov, february] = JSON.parse(stdout);
    expect(byCustomer.rows).toEqual([
      { customerid: 'C2', total_spent: '750.5', total_orders: '2' },
      { customerid: 'C1', total_spent: '421.0', total_orders: '3' },
      { customerid: 'C3', total_spent: '115.0', total_orders: '2' },
      { customerid: 'C4', total_spent: '60.0', total_orders: '1' },
      { customerid: 'C5', total_spent: '10.0', total_orders: '1' },
    ]);
    expect(monthly.rows.map((r: Record<string, string>) => r.month)).toEqual([
      '2025-03',
      '2025-02',
      '2025-01',
    ]);
    expect(byStatus.rows[0]).toEqual({
      status: 'shipped',
      order_count: '4',
      total_revenue: '960.25',
      avg_order_value: '240.06',
    });
    expect(aov.rows.map((r: Record<string, string>) => r.customerid)).toEqual(['C2', 'C1', 'C3']);
    expect(february.rows.map((r: Record<string, string>) => r.orderid)).toEqual([
      'ORD005',
      'ORD003',
      'ORD004',
      'ORD006',
    ]);
    for (const query of [byCustomer, monthly, byStatus, aov, february]) {
      expect(query.state).toBe('SUCCEEDED');
      expect(query.csv).toEqual(query.rows);
    }
    expect(
      await readFile(join(dir, 'results', 'aws-orders-pipeline', 'enriched'), 'utf8').catch((e) => e.code),
    ).toBe('EISDIR');
  });
});
