import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

/** Client settings that reach an emulator on loopback: its endpoint, a region and static credentials. */
export interface EmulatorClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** An emulator server running in this process, and the client settings that reach it. */
export interface RunningEmulator {
  endpoint: string;
  clientConfig: EmulatorClientConfig;
  stop(): Promise<void>;
}

type EmulatorFactory = (options: Record<string, unknown>) => Server;

/**
 * Starts an emulator package that exports a server factory (dynalite, kinesalite) on 127.0.0.1 and
 * a free port.
 */
export async function startInProcessEmulator(
  packageName: 'dynalite' | 'kinesalite',
  options: Record<string, unknown>,
): Promise<RunningEmulator> {
  // The emulators are CommonJS without type declarations; require keeps them out of the type graph.
  const createServer = createRequire(import.meta.url)(packageName) as EmulatorFactory;
  const server = createServer(options);
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
function listenOnLoopback(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(`http://127.0.0.1:${port}`);
    });
  });
}

/** Closes a server, dropping idle keep-alive sockets so `close` does not wait on them. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections?.();
  });
}
