import { randomUUID } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { referencedTables } from '../duckdb/csv-tables.js';
import { localPathOf } from '../duckdb/partition-layout.js';
import type { QueryEngine } from '../query.js';
import type { TableDefinition } from '../tables/table-definition.js';
import { AthenaOperations } from './athena-operations.js';
import { LocalApiError } from './errors.js';
import { GlueOperations } from './glue-operations.js';

/** How the local Athena endpoint is set up. */
export interface LocalAthenaOptions {
  /** The tables queries read and Glue lists. */
  tables: readonly TableDefinition[];
  /** Where `s3://bucket/prefix/` table locations live locally (`<localRoot>/bucket/prefix/`). */
  localRoot?: string;
  /** The engine queries run on; a DuckDB engine over `tables` is created (and closed) when omitted. */
  engine?: QueryEngine;
  /** Port on 127.0.0.1 (default 0: a free one). */
  port?: number;
  /** Local folder for result buckets: `s3://bucket/prefix/` is `<outputDir>/bucket/prefix/` (default: a temp folder). */
  outputDir?: string;
  /** The workgroup's result location (default `s3://sluice-local-athena/results/`). */
  outputLocation?: string;
  /** A workgroup accepted besides `primary`. */
  workGroup?: string;
  /** The Glue database of tables that name none (default `default`). */
  database?: string;
}

/** A running local Athena endpoint. */
export interface LocalAthena {
  /** `http://127.0.0.1:PORT`, for `endpoint` of an SDK client or `--endpoint-url` of the AWS CLI. */
  readonly endpoint: string;
  readonly port: number;
  readonly outputDir: string;
  /** Config for an `AthenaClient` (or `GlueClient`) pointed at the endpoint, with dummy credentials. */
  clientConfig(): {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  /** Stops listening, waits for running queries, closes the engine it created. */
  stop(): Promise<void>;
}

const DEFAULT_OUTPUT = 's3://sluice-local-athena/results/';

/**
 * Serves Athena's JSON API (AWS JSON 1.1, `X-Amz-Target: AmazonAthena.*`) and Glue's catalog calls
 * on 127.0.0.1 over a real engine, so any Athena client (the AWS SDKs, the AWS CLI, boto3) runs its
 * real SQL locally. Request signatures are not checked.
 *
 * @example
 * const athena = await startLocalAthena({ tables: [orders], port: 0 });
 * const engine = createAthenaEngine({ client: athena.clientConfig(), outputLocation: 's3://results/q/' });
 * // aws athena start-query-execution --endpoint-url http://127.0.0.1:PORT --query-string 'SELECT 1'
 * await athena.stop();
 */
export async function startLocalAthena(options: LocalAthenaOptions): Promise<LocalAthena> {
  const ownEngine = options.engine === undefined;
  const engine = options.engine ?? (await duckDbEngine(options));
  const outputDir = options.outputDir ?? join(tmpdir(), 'sluice-local-athena');
  const database = options.database ?? 'default';
  const athena = new AthenaOperations({
    engine,
    outputDir,
    outputLocation: options.outputLocation ?? DEFAULT_OUTPUT,
    workGroup: options.workGroup ?? 'primary',
    database,
    scannedBytes: (sql) => scannedBytes(sql, options.tables, options.localRoot),
  });
  const glue = new GlueOperations(options.tables, database);
  const server = createServer((req, res) => void serve(req, res, athena, glue));
  await listen(server, options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    port,
    outputDir,
    clientConfig: () => ({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDLOCALATHENA', secretAccessKey: 'local-athena-secret' },
    }),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await athena.idle();
      if (ownEngine) await engine.close?.();
    },
  };
}

async function duckDbEngine(options: LocalAthenaOptions): Promise<QueryEngine> {
  const { createDuckDbEngine } = await import('../duckdb/duckdb-engine.js');
  return createDuckDbEngine({
    tables: options.tables,
    ...(options.localRoot !== undefined && { localRoot: options.localRoot }),
  });
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  athena: AthenaOperations,
  glue: GlueOperations,
) {
  const target = String(req.headers['x-amz-target'] ?? '');
  const [service = '', operation = ''] = target.split('.');
  try {
    const input = parseBody(await readBody(req));
    const answer =
      service === 'AmazonAthena'
        ? athena.answer(operation, input)
        : service === 'AWSGlue'
          ? glue.answer(operation, input)
          : undefined;
    if (answer === undefined)
      throw new LocalApiError(
        'UnknownOperationException',
        `${target || 'no X-Amz-Target'} is not served here`,
      );
    respond(res, 200, answer);
  } catch (error) {
    const api =
      error instanceof LocalApiError
        ? error
        : new LocalApiError('InternalServerException', (error as Error).message, {}, 500);
    res.setHeader('x-amzn-errortype', api.type);
    respond(res, api.status, { __type: api.type, Message: api.message, message: api.message, ...api.fields });
  }
}

function parseBody(text: string): Record<string, unknown> {
  try {
    const body = JSON.parse(text || '{}') as unknown;
    if (body !== null && typeof body === 'object' && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new LocalApiError('SerializationException', 'the request body is not a JSON object');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function respond(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': randomUUID(),
  });
  res.end(JSON.stringify(body));
}

// DataScannedInBytes: the size of every data file under the tables the query names.
async function scannedBytes(
  sql: string,
  tables: readonly TableDefinition[],
  localRoot: string | undefined,
): Promise<number> {
  const named = new Set(
    referencedTables(
      sql,
      tables.map((t) => t.name),
    ),
  );
  let total = 0;
  for (const table of tables.filter((t) => named.has(t.name))) {
    total += await bytesUnder(localPathOf(table.location, table.name, localRoot));
  }
  return total;
}

async function bytesUnder(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) return info?.size ?? 0;
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries
      .filter(
        (e) =>
          e.isFile() &&
          !relative(path, join(e.parentPath, e.name))
            .split(sep)
            .some((p) => /^[_.]/.test(p)),
      )
      .map(async (e) => (await stat(join(e.parentPath, e.name))).size),
  );
  return sizes.reduce((a, b) => a + b, 0);
}
