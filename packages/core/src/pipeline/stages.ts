import type { Outcome, Rejection, SourcePosition } from '../outcome/outcome.js';
import { BatchOutcomeCountError } from './errors.js';

/** A record travelling through the pipeline with the position it was read from. */
export interface Item<T> {
  value: T;
  position?: SourcePosition;
}

/** Where stages report records that leave the pipeline. */
export interface StageContext {
  drop(reason: string): void;
  reject(rejection: Rejection): void;
}

/** A stage works on one chunk of records at a time and returns the ones that go on. */
export type Stage<In, Out> = (items: Item<In>[], context: StageContext) => Item<Out>[] | Promise<Item<Out>[]>;

/** Decides one record; may be async. */
export type Decide<In, Out> = (
  value: In,
  position: SourcePosition | undefined,
) => Outcome<Out> | Promise<Outcome<Out>>;

/** Turns a per-record decision into a stage; a decision that throws rejects its record (`stage-error`). */
export function perRecord<In, Out>(decide: Decide<In, Out>): Stage<In, Out> {
  return async (items, context) => {
    const out: Item<Out>[] = [];
    for (const item of items) {
      const outcome = await decideSafely(decide, item);
      settle(outcome, item, out, context);
    }
    return out;
  };
}

/**
 * Turns a chunk-wise decision into a stage, for calls that work best in groups (a DynamoDB
 * BatchWrite, a PutRecords call). `decideBatch` returns one outcome per value, in order.
 */
export function perBatch<In, Out>(
  size: number,
  decideBatch: (values: In[]) => Promise<Outcome<Out>[]>,
): Stage<In, Out> {
  return async (items, context) => {
    const out: Item<Out>[] = [];
    for (let start = 0; start < items.length; start += size) {
      const group = items.slice(start, start + size);
      const outcomes = await decideGroupSafely(decideBatch, group);
      group.forEach((item, i) => {
        settle(outcomes[i] as Outcome<Out>, item, out, context);
      });
    }
    return out;
  };
}

// A group whose decision throws is rejected record by record (`stage-error`), as a throwing
// per-record decision is; the run goes on with the next group.
async function decideGroupSafely<In, Out>(
  decideBatch: (values: In[]) => Promise<Outcome<Out>[]>,
  group: Item<In>[],
): Promise<Outcome<Out>[]> {
  let outcomes: Outcome<Out>[];
  try {
    outcomes = await decideBatch(group.map((item) => item.value));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return group.map(() => ({ kind: 'rejected', reason: 'stage-error', message }));
  }
  if (outcomes.length !== group.length) throw new BatchOutcomeCountError(outcomes.length, group.length);
  return outcomes;
}

function settle<In, Out>(
  outcome: Outcome<Out>,
  item: Item<In>,
  out: Item<Out>[],
  context: StageContext,
): void {
  if (outcome.kind === 'kept') out.push(withValue(item, outcome.value));
  else if (outcome.kind === 'dropped') context.drop(outcome.reason);
  else context.reject(rejectionOf(item, outcome.reason, outcome.message));
}

async function decideSafely<In, Out>(decide: Decide<In, Out>, item: Item<In>): Promise<Outcome<Out>> {
  try {
    return await decide(item.value, item.position);
  } catch (error) {
    return {
      kind: 'rejected',
      reason: 'stage-error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

function withValue<In, Out>(item: Item<In>, value: Out): Item<Out> {
  return item.position ? { value, position: item.position } : { value };
}

/** Builds a quarantine entry for an item; keeps a JSON rendering of the value when it is small. */
export function rejectionOf<T>(item: Item<T>, reason: string, message: string): Rejection {
  const rejection: Rejection = { reason, message };
  if (item.position) rejection.position = item.position;
  const raw = rawOf(item.value);
  if (raw !== undefined) rejection.raw = raw;
  return rejection;
}

const MAX_RAW_LENGTH = 4096;

function rawOf(value: unknown): string | undefined {
  try {
    const raw = typeof value === 'string' ? value : JSON.stringify(value);
    return raw !== undefined && raw.length <= MAX_RAW_LENGTH ? raw : undefined;
  } catch {
    return undefined;
  }
}
