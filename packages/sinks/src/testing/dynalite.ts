import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

/** Options of {@link startDynalite}. */
export interface DynaliteOptions {
  /** LevelDB directory so tables survive a restart; in-memory when absent. */
  path?: string;
  /** How long a new table stays CREATING. Default 0 so tests need not wait. */
  createTableMs?: number;
}

/** A running dynalite server and the client settings that reach it. */
export interface RunningDynalite {
  endpoint: string;
  /** Spread into a `DynamoDBClient` config: endpoint, region and static credentials. */
  clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  stop(): Promise<void>;
}

type DynaliteFactory = (options: Record<string, unknown>) => Server;

/**
 * Starts dynalite (the DynamoDB protocol, no transactions) on 127.0.0.1 and a free port.
 *
 * @example
 * const dynamo = await startDynalite();
 * const client = new DynamoDBClient(dynamo.clientConfig);
 * // ... create tables, run tests ...
 * await dynamo.stop();
 */
export async function startDynalite(options: DynaliteOptions = {}): Promise<RunningDynalite> {
  // dynalite is CommonJS without type declarations; require keeps it out of the type graph.
  const dynalite = createRequire(import.meta.url)('dynalite') as DynaliteFactory;
  const server = dynalite({
    createTableMs: options.createTableMs ?? 0,
    deleteTableMs: 0,
    path: options.path,
  });
  const endpoint = await listenOnLoopback(server);
  return {
    endpoint,
    clientConfig: {
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    },
    stop: () => closeServer(server),
  };
}

/** Listens on 127.0.0.1 with a port the OS picks; resolves to the `http://` endpoint. */
export function listenOnLoopback(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

/** Closes a server, dropping idle keep-alive sockets so `close` does not wait on them. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections?.();
  });
}
