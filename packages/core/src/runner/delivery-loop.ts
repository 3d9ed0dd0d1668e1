import { failureTextOf } from '../lambda/batch-response.js';
import type { RunnerClock } from './clock.js';
import { emptyRunReport, type StreamRunReport } from './report.js';

/** One record waiting in a lane (a Kinesis shard, an SQS queue), with its delivery history. */
export interface Delivery<I> {
  record: I;
  id: string;
  lane: number;
  arrivedAt: number;
  firstDeliveredAt?: number;
  deliveries: number;
  failures: number;
}

/**
 * What is redelivered after a partial failure: `failed-only` (SQS) redelivers the reported records;
 * `from-failure` (Kinesis) resumes the lane at the lowest reported record, so it and every later
 * record of the lane are delivered again, in order.
 */
export type RedeliveryPolicy = 'failed-only' | 'from-failure';

/** How a lane is batched and redelivered; the service-specific runners fill it in. */
export interface LoopConfig<D> {
  batchSize: number;
  batchWindowMs: number;
  /** A record is dead-lettered on its failure number `maxFailures`. */
  maxFailures: number;
  redelivery: RedeliveryPolicy;
  redeliveryDelayMs: number;
  clock: RunnerClock;
  /** Builds the event for a batch and calls the handler; resolves to the handler's response. */
  invoke(batch: readonly D[]): Promise<unknown>;
}

/** Which records failed; `texts` holds a Sluice handler's error text per failed record. */
type Verdict =
  | { failed: ReadonlySet<string>; error?: undefined; texts?: ReadonlyMap<string, string> | undefined }
  | { failed: 'all'; error: string; texts?: undefined };

/** Batches deliveries per lane, invokes the handler and applies its `batchItemFailures`. */
export class DeliveryLoop<I, D extends Delivery<I> = Delivery<I>> {
  readonly report: StreamRunReport<I> = emptyRunReport();
  readonly #lanes = new Map<number, D[]>();

  constructor(readonly config: LoopConfig<D>) {}

  /**
   * Queues a record; invokes the handler for any lane whose batch is full or whose window has passed.
   * Returns a promise only when it invokes, so a record that just waits in its lane costs none.
   */
  accept(delivery: D): Promise<void> | undefined {
    this.report.received++;
    if (this.config.batchWindowMs > 0) return this.#acceptAfterWindows(delivery);
    return this.#queue(delivery);
  }

  async #acceptAfterWindows(delivery: D): Promise<void> {
    await this.#flushExpired(delivery.arrivedAt);
    await this.#queue(delivery);
  }

  #queue(delivery: D): Promise<void> | undefined {
    const lane = this.#lane(delivery.lane);
    lane.push(delivery);
    return lane.length >= this.config.batchSize ? this.#drainRedeliveries(lane, true) : undefined;
  }

  /** The source ended: delivers every lane until it is empty. */
  async finish(): Promise<StreamRunReport<I>> {
    for (const lane of this.#lanes.values()) while (lane.length > 0) await this.#invoke(lane);
    return this.report;
  }

  #lane(index: number): D[] {
    const lane = this.#lanes.get(index);
    if (lane) return lane;
    const started: D[] = [];
    this.#lanes.set(index, started);
    return started;
  }

  async #flushExpired(now: number): Promise<void> {
    for (const lane of this.#lanes.values()) {
      const head = lane[0];
      if (head && now - head.arrivedAt >= this.config.batchWindowMs)
        await this.#drainRedeliveries(lane, true);
    }
  }

  /** Invokes once (if `invokeFirst`), then again while the lane's head is waiting for a redelivery. */
  async #drainRedeliveries(lane: D[], invokeFirst: boolean): Promise<void> {
    if (invokeFirst) await this.#invoke(lane);
    while ((lane[0]?.deliveries ?? 0) > 0) await this.#invoke(lane);
  }

  async #invoke(lane: D[]): Promise<void> {
    const batch = lane.slice(0, this.config.batchSize);
    if (batch.some((d) => d.deliveries > 0) && this.config.redeliveryDelayMs > 0) {
      await this.config.clock.sleep(this.config.redeliveryDelayMs);
    }
    this.#countDeliveries(batch);
    const verdict = await this.#call(batch);
    const waiting = this.#settle(batch, verdict);
    lane.splice(0, batch.length, ...waiting);
  }

  #countDeliveries(batch: readonly D[]): void {
    const now = this.config.clock.now();
    this.report.invocations++;
    for (const delivery of batch) {
      delivery.deliveries++;
      delivery.firstDeliveredAt ??= now;
      this.report.delivered++;
      if (delivery.deliveries > 1) this.report.redelivered++;
    }
  }

  async #call(batch: readonly D[]): Promise<Verdict> {
    try {
      return readResponse(await this.config.invoke(batch), batch);
    } catch (error) {
      return { failed: 'all', error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Applies the verdict; returns the deliveries that stay at the head of the lane, in order. */
  #settle(batch: readonly D[], verdict: Verdict): D[] {
    if (verdict.failed === 'all') this.report.failedInvocations++;
    else if (verdict.failed.size === 0) {
      // The usual answer: every record acknowledged, none looked up.
      this.report.acknowledged += batch.length;
      return [];
    }
    const isFailed = (d: D) => verdict.failed === 'all' || verdict.failed.has(d.id);
    const resumeAt = this.config.redelivery === 'from-failure' ? batch.findIndex(isFailed) : -1;
    const waiting: D[] = [];
    for (const [index, delivery] of batch.entries()) {
      if (isFailed(delivery)) {
        if (!this.#deadLetterOnLimit(delivery, verdict)) waiting.push(delivery);
      } else if (resumeAt >= 0 && index > resumeAt) waiting.push(delivery);
      else this.report.acknowledged++;
    }
    return waiting;
  }

  #deadLetterOnLimit(delivery: D, verdict: Verdict): boolean {
    delivery.failures++;
    if (delivery.failures < this.config.maxFailures) return false;
    this.report.deadLettered++;
    this.report.deadLetters.push({
      record: delivery.record,
      id: delivery.id,
      attempts: delivery.deliveries,
      reason: verdict.error === undefined ? 'batch-item-failure' : 'handler-error',
      ...errorOf(delivery, verdict),
    });
    return true;
  }
}

function errorOf(delivery: Delivery<unknown>, verdict: Verdict): { error?: string } {
  const error = verdict.error ?? verdict.texts?.get(delivery.id);
  return error === undefined ? {} : { error };
}

const NONE_FAILED: ReadonlySet<string> = new Set();

/**
 * Reads a handler's answer the way Lambda does: nothing or no `batchItemFailures` is a full success;
 * an identifier that is empty or not in the batch fails the whole batch.
 */
function readResponse(response: unknown, batch: readonly Delivery<unknown>[]): Verdict {
  const failures = (response as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
  if (failures === undefined || failures === null) return { failed: NONE_FAILED };
  if (!Array.isArray(failures)) return { failed: 'all', error: 'batchItemFailures is not an array' };
  if (failures.length === 0) return { failed: NONE_FAILED };
  const ids = new Set(batch.map((d) => d.id));
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !ids.has(id)) {
      return { failed: 'all', error: `batchItemFailures names an unknown item identifier: ${String(id)}` };
    }
    failed.add(id);
  }
  return { failed, texts: failureTextOf(response) };
}
