import {
  type EmulatorClientConfig,
  type RunningEmulator,
  startInProcessEmulator,
} from './in-process-emulator.js';

/** A running kinesalite server and the client settings that reach it. */
export interface RunningKinesalite extends RunningEmulator {
  /**
   * Spread into a `KinesisClient` config together with
   * `requestHandler: new NodeHttpHandler()`: kinesalite speaks HTTP/1.1 only.
   */
  clientConfig: EmulatorClientConfig;
}

/**
 * Starts kinesalite (the Kinesis protocol, in memory) on 127.0.0.1 and a free port.
 * Streams become ACTIVE after `createStreamMs` (default 0).
 *
 * @example
 * const kinesis = await startKinesalite();
 * const client = new KinesisClient({ ...kinesis.clientConfig, requestHandler: new NodeHttpHandler() });
 * await kinesis.stop();
 */
export function startKinesalite(options: { createStreamMs?: number } = {}): Promise<RunningKinesalite> {
  return startInProcessEmulator('kinesalite', {
    createStreamMs: options.createStreamMs ?? 0,
    deleteStreamMs: 0,
    updateStreamMs: 0,
    shardLimit: 50,
  });
}
