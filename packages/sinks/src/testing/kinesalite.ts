import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { closeServer, listenOnLoopback } from './dynalite.js';

/** A running kinesalite server and the client settings that reach it. */
export interface RunningKinesalite {
  endpoint: string;
  /**
   * Spread into a `KinesisClient` config together with
   * `requestHandler: new NodeHttpHandler()`: kinesalite speaks HTTP/1.1 only.
   */
  clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  stop(): Promise<void>;
}

type KinesaliteFactory = (options: Record<string, unknown>) => Server;

/**
 * Starts kinesalite (the Kinesis protocol, in memory) on 127.0.0.1 and a free port.
 * Streams become ACTIVE after `createStreamMs` (default 0).
 *
 * @example
 * const kinesis = await startKinesalite();
 * const client = new KinesisClient({ ...kinesis.clientConfig, requestHandler: new NodeHttpHandler() });
 * await kinesis.stop();
 */
export async function startKinesalite(options: { createStreamMs?: number } = {}): Promise<RunningKinesalite> {
  const kinesalite = createRequire(import.meta.url)('kinesalite') as KinesaliteFactory;
  const server = kinesalite({
    createStreamMs: options.createStreamMs ?? 0,
    deleteStreamMs: 0,
    updateStreamMs: 0,
    shardLimit: 50,
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
