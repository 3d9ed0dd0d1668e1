import {
  type EmulatorClientConfig,
  type RunningEmulator,
  startInProcessEmulator,
} from './in-process-emulator.js';

/** Options of {@link startDynalite}. */
export interface DynaliteOptions {
  /** LevelDB directory so tables survive a restart; in-memory when absent. */
  path?: string;
  /** How long a new table stays CREATING. Default 0 so tests need not wait. */
  createTableMs?: number;
}

/** A running dynalite server and the client settings that reach it. */
export interface RunningDynalite extends RunningEmulator {
  /** Spread into a `DynamoDBClient` config: endpoint, region and static credentials. */
  clientConfig: EmulatorClientConfig;
}

/**
 * Starts dynalite (the DynamoDB protocol, no transactions) on 127.0.0.1 and a free port.
 *
 * @example
 * const dynamo = await startDynalite();
 * const client = new DynamoDBClient(dynamo.clientConfig);
 * // ... create tables, run tests ...
 * await dynamo.stop();
 */
export function startDynalite(options: DynaliteOptions = {}): Promise<RunningDynalite> {
  return startInProcessEmulator('dynalite', {
    createTableMs: options.createTableMs ?? 0,
    deleteTableMs: 0,
    path: options.path,
  });
}
