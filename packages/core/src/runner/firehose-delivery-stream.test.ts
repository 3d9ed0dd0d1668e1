import { describe, expect, it } from 'vitest';
import type { FirehoseTransformHandler } from '../lambda/firehose-handler.js';
import { firehoseFailed, firehoseOk } from '../lambda/firehose-response.js';
import { isBalanced } from '../outcome/report.js';
import { MemoryObjectStore } from '../storage/memory/memory-object-store.js';
import { listAll, readText } from '../storage/object-store.js';
import type { FlushTimers } from './firehose-buffer.js';
import { LocalDeliveryStream } from './firehose-delivery-stream.js';

const noTimers: FlushTimers = { setTimeout: () => undefined, clearTimeout: () => {} };
const ARRIVAL = Date.UTC(2024, 4, 6, 7, 30);

/** A transform that partitions `hour:text` records by hour, fails `bad`, forgets the key for `nokey`. */
const byHour: FirehoseTransformHandler = async (event) => ({
  records: event.records.map(({ recordId, data }) => {
    const text = Buffer.from(data, 'base64').toString('utf8');
    if (text === 'bad') return firehoseFailed(recordId, data);
    if (text === 'nokey') return firehoseOk(recordId, `${text}\n`);
    const [hour] = text.split(':');
    return firehoseOk(recordId, `${text}\n`, { hour: hour as string });
  }),
});

function streamOf(transform: FirehoseTransformHandler) {
  const store = new MemoryObjectStore();
  const stream = new LocalDeliveryStream({
    name: 'events',
    store,
    transform,
    prefix: 'out/!{partitionKeyFromLambda:hour}/',
    errorPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/',
    extension: '.json',
    buffering: { now: () => ARRIVAL, timers: noTimers },
  });
  return { store, stream };
}

async function objects(store: MemoryObjectStore): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for await (const { key } of listAll(store, '')) found[key] = await readText(store, key);
  return found;
}

describe('LocalDeliveryStream', () => {
  it('writes Ok records grouped by partition key and failures under the error prefix with their data', async () => {
    const { store, stream } = streamOf(byHour);
    await stream.put(['07:a', '08:b', 'bad', '07:c', 'nokey']);
    await stream.close();
    const written = await objects(store);
    const byPrefix = Object.fromEntries(
      Object.entries(written).map(([key, body]) => [key.replace(/[^/]+$/, ''), body]),
    );
    expect(byPrefix['out/07/']).toBe('07:a\n07:c\n');
    expect(byPrefix['out/08/']).toBe('08:b\n');
    const failed = JSON.parse(byPrefix['errors/processing-failed/2024/05/06/07/'] as string);
    expect(failed).toMatchObject({ errorCode: 'Lambda.ProcessingFailed', arrivalTimestamp: ARRIVAL });
    expect(Buffer.from(failed.rawData, 'base64').toString('utf8')).toBe('bad');
    const unpartitioned = JSON.parse(byPrefix['errors/partitioning-failed/2024/05/06/07/'] as string);
    expect(unpartitioned.errorCode).toBe('DynamicPartitioning.MetadataExtractionFailed');
    expect(
      Object.keys(written)
        .filter((key) => key.startsWith('out/'))
        .every((key) => key.endsWith('.json')),
    ).toBe(true);
    const report = stream.report();
    expect(report).toMatchObject({
      read: 5,
      kept: 3,
      rejected: { 'processing-failed': 1, 'partitioning-failed': 1 },
    });
    expect(isBalanced(report)).toBe(true);
  });

  it('delivers each answer with its own record when the transform answers out of order', async () => {
    const reversed: FirehoseTransformHandler = async (event) =>
      byHour({ ...event, records: [...event.records].reverse() });
    const { store, stream } = streamOf(reversed);
    await stream.put(['07:a', '07:crème brûlée', '08:b', 'bad']);
    await stream.close();
    const written = Object.entries(await objects(store));
    const body = (prefix: string) => written.find(([key]) => key.startsWith(prefix))?.[1];
    expect(body('out/07/')).toBe('07:crème brûlée\n07:a\n');
    expect(body('out/08/')).toBe('08:b\n');
    const failed = JSON.parse(body('errors/processing-failed/') ?? '{}');
    expect(Buffer.from(failed.rawData, 'base64').toString('utf8')).toBe('bad');
    expect(stream.report()).toMatchObject({ read: 4, kept: 3 });
  });

  it('sends a whole batch to the error prefix when the transform throws', async () => {
    const { store, stream } = streamOf(async () => Promise.reject(new Error('out of memory')));
    await stream.put(['07:a', '07:b']);
    await stream.close();
    const [key, body] = Object.entries(await objects(store))[0] ?? [];
    expect(key).toMatch(/^errors\/processing-failed\/2024\/05\/06\/07\//);
    const lines = (body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.errorCode, line.errorMessage])).toEqual([
      ['Lambda.FunctionError', 'out of memory'],
      ['Lambda.FunctionError', 'out of memory'],
    ]);
    expect(stream.report()).toMatchObject({ read: 2, kept: 0, rejected: { 'function-error': 2 } });
  });

  it('sends a record the transform left unanswered to the error prefix and delivers the rest', async () => {
    const forgetsB: FirehoseTransformHandler = async (event) => {
      const answered = await byHour(event);
      const isB = (id: string) => event.records.find((r) => r.recordId === id)?.data === btoa('07:b');
      return { records: answered.records.filter((answer) => !isB(answer.recordId)) };
    };
    const { store, stream } = streamOf(forgetsB);
    await stream.put(['07:a', '07:b', '08:c']);
    await stream.close();
    const written = Object.entries(await objects(store));
    const [, errorBody] = written.find(([key]) => key.startsWith('errors/processing-failed/')) ?? [];
    const line = JSON.parse(errorBody as string);
    expect(line.errorCode).toBe('Lambda.MissingRecordId');
    expect(Buffer.from(line.rawData, 'base64').toString('utf8')).toBe('07:b');
    expect(stream.report()).toMatchObject({ read: 3, kept: 2, rejected: { 'no-answer': 1 } });
  });

  it('fails the whole batch, naming the id, when the transform answers a recordId it was not given', async () => {
    const answersStranger: FirehoseTransformHandler = async (event) => {
      const { records } = await byHour(event);
      return { records: [...records.slice(1), firehoseOk('stranger-1', 'x\n', { hour: '07' })] };
    };
    const { store, stream } = streamOf(answersStranger);
    await stream.put(['07:a', '07:b']);
    await stream.close();
    const [key, body] = Object.entries(await objects(store))[0] ?? [];
    expect(key).toMatch(/^errors\/processing-failed\//);
    const lines = (body as string)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].errorMessage).toContain('unknown [stranger-1]');
    expect(stream.report()).toMatchObject({ read: 2, kept: 0, rejected: { 'record-mismatch': 2 } });
  });

  it('names objects deterministically: the same records delivered again overwrite themselves', async () => {
    const first = streamOf(byHour);
    const second = streamOf(byHour);
    for (const { stream } of [first, second]) {
      await stream.put(['07:a', 'bad']);
      await stream.close();
    }
    expect(first.stream.objectKeys()).toEqual(second.stream.objectKeys());
    expect(first.stream.objectKeys()).toHaveLength(2);
  });
});
