import { createHash } from 'node:crypto';
import type { KinesisEvent } from '../lambda/kinesis-event.js';
import { rememberPayloadText, wellFormedText } from '../lambda/local-payload.js';
import {
  type KinesisStreamSource,
  kinesisEnvelope,
  kinesisSequenceNumber,
  kinesisShardId,
  kinesisStreamSource,
} from '../testing/kinesis-events.js';
import { type Delivery, DeliveryLoop, type RedeliveryPolicy } from './delivery-loop.js';
import { type EventHandler, feed, invokeWith } from './event-runner.js';
import { type CommonRunnerOptions, requireInteger, resolveCommonOptions } from './options.js';
import { feedChunks, isChunked, type RecordChunks } from './record-chunks.js';
import type { StreamRunReport } from './report.js';
import { payloadBytes, type RecordPayload, type RecordSource } from './stream-source.js';

/** A record to put on the local stream, as `PutRecord` would take it. */
export interface KinesisInput {
  partitionKey: string;
  data: RecordPayload;
}

/** Options of {@link runKinesisStream}. */
export interface KinesisRunnerOptions extends CommonRunnerOptions {
  /** Default `local-stream`. */
  streamName?: string;
  /** Records are spread over shards by an MD5 of the partition key, as Kinesis does. Default 1. */
  shardCount?: number;
  /** Default 100, as Lambda's Kinesis mapping. */
  batchSize?: number;
  /**
   * Retries after the first failed delivery, as the mapping's `MaximumRetryAttempts`: a record is
   * dead-lettered on failure number `maxRetryAttempts + 1`. Default 2.
   */
  maxRetryAttempts?: number;
  /**
   * `from-failure` (default, what Lambda does): the shard resumes at the lowest failed sequence number,
   * so records after it are delivered again. `failed-only`: only the reported records are redelivered,
   * which gives up ordering behind a failure in exchange for fewer duplicates.
   */
  redelivery?: RedeliveryPolicy;
}

/** The handler the runner calls: any Kinesis Lambda handler (see `kinesisBatchHandler`). */
export type KinesisEventHandler = EventHandler<KinesisEvent>;

interface KinesisDelivery extends Delivery<KinesisInput> {
  /** The payload's text when it survives UTF-8 unchanged: the handler's decoder can skip base64. */
  text: string | undefined;
  data: string;
  shardId: string;
}

/**
 * Feeds records to a Kinesis handler as Lambda would: per shard, in order, in batches; honours
 * `batchItemFailures` by redelivering from the lowest failed sequence number onward (the shard waits
 * until that record succeeds or is dead-lettered); a handler that throws fails the whole batch.
 * Sequence numbers are deterministic (same input, same numbers). Memory holds at most
 * `shardCount × batchSize` records.
 *
 * @example
 * const report = await runKinesisStream(readings(), kinesisBatchHandler({ decode: jsonData(Reading), process, onReject }), {
 *   batchSize: 50,
 *   shardCount: 2,
 * });
 * report.deadLetters; // records that failed maxRetryAttempts + 1 times
 */
export async function runKinesisStream(
  source: RecordSource<KinesisInput> | RecordChunks<KinesisInput>,
  handler: KinesisEventHandler,
  options: KinesisRunnerOptions = {},
): Promise<StreamRunReport<KinesisInput>> {
  const common = resolveCommonOptions(options, 100);
  const shardCount = options.shardCount ?? 1;
  const maxRetryAttempts = options.maxRetryAttempts ?? 2;
  requireInteger('shardCount', shardCount, 1);
  requireInteger('maxRetryAttempts', maxRetryAttempts, 0);
  const stream = kinesisStreamSource({
    region: common.region,
    accountId: common.accountId,
    streamName: options.streamName,
  });
  const loop = new DeliveryLoop<KinesisInput, KinesisDelivery>({
    ...common,
    maxFailures: maxRetryAttempts + 1,
    redelivery: options.redelivery ?? 'from-failure',
    invoke: invokeWith(handler, (delivery: KinesisDelivery) => toEventRecord(delivery, stream)),
  });
  const deliveryOf = shardWriter(shardCount, common.clock.now);
  return isChunked<KinesisInput>(source)
    ? feedChunks(source.chunks, loop, deliveryOf)
    : feed(source, loop, deliveryOf);
}

/** Assigns each record its shard and the shard's next sequence number, as `PutRecord` does. */
function shardWriter(shardCount: number, now: () => number): (record: KinesisInput) => KinesisDelivery {
  const counters = new Array<number>(shardCount).fill(0);
  const shardIds = counters.map((_, shard) => kinesisShardId(shard));
  const shardFor = shardCount === 1 ? () => 0 : keyedShards(shardCount);
  const base64OfText = base64Encoder();
  return (record) => {
    const shard = shardFor(record.partitionKey);
    const n = (counters[shard] ?? 0) + 1;
    counters[shard] = n;
    const text = wellFormedText(record.data);
    const data = text === undefined ? payloadBytes(record.data).toString('base64') : base64OfText(text);
    return {
      record,
      id: kinesisSequenceNumber(shard, n),
      lane: shard,
      shardId: shardIds[shard] as string,
      arrivedAt: now(),
      deliveries: 0,
      failures: 0,
      text,
      data,
    };
  };
}

/** Base64 of a text's UTF-8 bytes, encoded in one reused buffer instead of a Buffer per record. */
function base64Encoder(): (text: string) => string {
  let scratch = Buffer.allocUnsafe(64 * 1024);
  return (text) => {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (text.length * 3 > scratch.length) scratch = Buffer.allocUnsafe(text.length * 3);
    const length = scratch.write(text, 0, 'utf8');
    return scratch.toString('base64', 0, length);
  };
}

/** Partition keys repeat (a machine, a user): each key's MD5 is taken once, up to a bounded number of keys. */
function keyedShards(shardCount: number): (partitionKey: string) => number {
  const known = new Map<string, number>();
  return (partitionKey) => {
    let shard = known.get(partitionKey);
    if (shard !== undefined) return shard;
    shard = shardOf(partitionKey, shardCount);
    if (known.size >= 65_536) known.clear();
    known.set(partitionKey, shard);
    return shard;
  };
}

/**
 * The shard a partition key lands on among `shardCount` evenly split shards (MD5 of the key, as Kinesis).
 *
 * @example shardOf('M-001', 4) // always the same shard for M-001
 */
export function shardOf(partitionKey: string, shardCount: number): number {
  const hash = BigInt(`0x${createHash('md5').update(partitionKey, 'utf8').digest('hex')}`);
  return Number((hash * BigInt(shardCount)) >> 128n);
}

function toEventRecord(delivery: KinesisDelivery, source: KinesisStreamSource) {
  const envelope = kinesisEnvelope(
    {
      partitionKey: delivery.record.partitionKey,
      sequenceNumber: delivery.id,
      base64Data: delivery.data,
      shardId: delivery.shardId,
      arrivedAt: delivery.arrivedAt,
    },
    source,
  );
  if (delivery.text !== undefined) rememberPayloadText(envelope.kinesis, delivery.text);
  return envelope;
}
