import { listAll, ObjectNotFoundError, type ObjectStore, readText } from '@sluice/core/storage';
import type { BotDetectorState } from '@sluice/transforms/bots';
import { DetectorStateReadError } from '../errors.js';
import { KEYS } from '../layout.js';

/**
 * Where the bot detector's state waits between invocations, per shard — what Lambda's tumbling
 * window state does for one window, kept across windows.
 */
export interface DetectorStates {
  load(shard: string): Promise<unknown>;
  save(shard: string, state: BotDetectorState): Promise<void>;
  /** Every shard with a saved state. */
  shards(): Promise<string[]>;
}

/**
 * One small JSON object per shard in an ObjectStore (S3 on AWS, a folder locally).
 *
 * @example const states = new ObjectDetectorStates(new LocalObjectStore('out/ecommerce-events'));
 */
export class ObjectDetectorStates implements DetectorStates {
  constructor(
    readonly store: ObjectStore,
    readonly prefix: string = KEYS.detectorState,
  ) {}

  async load(shard: string): Promise<unknown> {
    const key = this.#key(shard);
    const text = await readText(this.store, key).catch((error: unknown) => {
      if (error instanceof ObjectNotFoundError) return undefined;
      throw error;
    });
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new DetectorStateReadError(`detector state ${key} is not JSON`, { cause: error });
    }
  }

  async save(shard: string, state: BotDetectorState): Promise<void> {
    await this.store.put(this.#key(shard), JSON.stringify(state));
  }

  async shards(): Promise<string[]> {
    const shards: string[] = [];
    for await (const object of listAll(this.store, this.prefix))
      shards.push(object.key.slice(this.prefix.length).replace(/\.json$/, ''));
    return shards.sort();
  }

  #key(shard: string): string {
    return `${this.prefix}${shard}.json`;
  }
}

/**
 * States in memory, for tests and single-process runs. A state is kept as the snapshot itself, not
 * its JSON: `BotDetector.snapshot()` builds a fresh object and `restore()` copies what it reads, so
 * nothing shares it.
 *
 * @example const states = new MemoryDetectorStates();
 */
export class MemoryDetectorStates implements DetectorStates {
  readonly #states = new Map<string, BotDetectorState>();

  async load(shard: string): Promise<unknown> {
    return this.#states.get(shard);
  }

  async save(shard: string, state: BotDetectorState): Promise<void> {
    this.#states.set(shard, state);
  }

  async shards(): Promise<string[]> {
    return [...this.#states.keys()].sort();
  }
}
