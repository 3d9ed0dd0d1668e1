import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Outcome, Rejection, SourcePosition, SourceRecord } from '../outcome/outcome.js';
import { type RunReport, RunTally } from '../outcome/report.js';
import { validateRecord } from '../validation/validate.js';
import { StageAccountingError } from './errors.js';
import type { Sink } from './sinks.js';
import { type Decide, type Item, perBatch, perRecord, type Stage, type StageContext } from './stages.js';

/** What `run` needs besides the source and stages. */
export interface RunOptions<T> {
  sink: Sink<T>;
  /** Receives every rejected record with its position and reason. */
  quarantine: Sink<Rejection>;
  /** Records read, decided and written per step; bounds memory. Default 1000. */
  batchSize?: number;
  signal?: AbortSignal;
  now?: () => number;
}

/**
 * A source, a chain of stages, a sink and a quarantine. Records are pulled in chunks of
 * `batchSize`, decided stage by stage, and the chunk is written before the next one is read,
 * so memory is bounded by the batch size and a slow sink slows the reader (backpressure).
 *
 * @example
 * const report = await pipeline(readOrders(file))
 *   .filter((order) => !isStale(order), 'stale')
 *   .validate(OrderSchema)
 *   .run({ sink, quarantine });
 */
export class Pipeline<T> {
  private constructor(
    readonly source: AsyncIterable<SourceRecord<unknown>> | Iterable<SourceRecord<unknown>>,
    readonly stages: readonly Stage<unknown, unknown>[],
  ) {}

  static from<T>(source: AsyncIterable<SourceRecord<T>> | Iterable<SourceRecord<T>>): Pipeline<T> {
    return new Pipeline<T>(source, []);
  }

  /** Adds any stage (see `perRecord`, `perBatch`). */
  through<U>(stage: Stage<T, U>): Pipeline<U> {
    return new Pipeline<U>(this.source, [...this.stages, stage as Stage<unknown, unknown>]);
  }

  /** Decides each record: kept, dropped with a reason, or rejected. */
  decide<U>(decide: Decide<T, U>): Pipeline<U> {
    return this.through(perRecord(decide));
  }

  map<U>(transform: (value: T, position: SourcePosition | undefined) => U | Promise<U>): Pipeline<U> {
    return this.decide(async (value, position) => ({
      kind: 'kept',
      value: await transform(value, position),
    }));
  }

  /** Keeps records the predicate accepts; drops the others, counted under `reason`. */
  filter(keep: (value: T) => boolean, reason: string): Pipeline<T> {
    return this.decide((value) => (keep(value) ? { kind: 'kept', value } : { kind: 'dropped', reason }));
  }

  /** Validates with a Standard Schema; failures are rejected naming field and problem. */
  validate<U>(schema: StandardSchemaV1<unknown, U>, reason = 'schema'): Pipeline<U> {
    return this.decide((value) => validateRecord(schema, value, reason));
  }

  /** Decides records in groups of `size` (one outcome per record, in order). */
  batch<U>(size: number, decideBatch: (values: T[]) => Promise<Outcome<U>[]>): Pipeline<U> {
    return this.through(perBatch(size, decideBatch));
  }

  async run(options: RunOptions<T>): Promise<RunReport> {
    const tally = new RunTally(options.now ? { now: options.now } : {});
    const batchSize = options.batchSize ?? 1000;
    for await (const chunk of chunksOf(this.source, batchSize)) {
      options.signal?.throwIfAborted();
      await this.#runChunk(chunk, tally, options);
    }
    await options.sink.close?.();
    await options.quarantine.close?.();
    return tally.report();
  }

  async #runChunk(chunk: SourceRecord<unknown>[], tally: RunTally, options: RunOptions<T>): Promise<void> {
    const rejections: Rejection[] = [];
    let removed = 0;
    const context: StageContext = {
      drop: (reason) => {
        removed++;
        tally.drop(reason);
      },
      reject: (rejection) => {
        removed++;
        tally.reject(rejection.reason);
        rejections.push(rejection);
      },
    };
    let items = readable(chunk, context);
    for (const [index, stage] of this.stages.entries()) {
      const before = items.length;
      removed = 0;
      items = await stage(items, context);
      if (items.length + removed !== before)
        throw new StageAccountingError(index + 1, before, items.length + removed);
    }
    tally.keep(items.length);
    if (items.length > 0) await options.sink.write(items.map((item) => item.value as T));
    if (rejections.length > 0) await options.quarantine.write(rejections);
  }
}

function readable(chunk: SourceRecord<unknown>[], context: StageContext): Item<unknown>[] {
  const items: Item<unknown>[] = [];
  for (const record of chunk) {
    if (record.ok)
      items.push(
        record.position ? { value: record.value, position: record.position } : { value: record.value },
      );
    else context.reject(record.rejection);
  }
  return items;
}

/**
 * Starts a pipeline from records that carry their source position.
 *
 * @example pipeline(readJsonLines(chunks, { file: 'clicks.jsonl' })).map(enrich).run({ sink, quarantine })
 */
export function pipeline<T>(source: AsyncIterable<SourceRecord<T>> | Iterable<SourceRecord<T>>): Pipeline<T> {
  return Pipeline.from(source);
}

/** Wraps plain values as readable records (positions: none). */
export async function* fromValues<T>(
  values: AsyncIterable<T> | Iterable<T>,
): AsyncGenerator<SourceRecord<T>> {
  for await (const value of values) yield { ok: true, value };
}

async function* chunksOf<T>(source: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const record of source) {
    chunk.push(record);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
