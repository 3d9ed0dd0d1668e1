import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textData } from '../lambda/decoders.js';
import type { FirehoseTransformationEvent } from '../lambda/firehose-event.js';
import { type FirehoseTransformHandler, firehoseTransformHandler } from '../lambda/firehose-handler.js';
import { firehoseDropped, firehoseFailed, firehoseOk } from '../lambda/firehose-response.js';
import { isBalanced } from '../outcome/report.js';
import { MemoryObjectStore } from '../storage/memory/memory-object-store.js';
import { listAll, readText } from '../storage/object-store.js';
import type { FlushTimers } from './firehose-buffer.js';
import { LocalDeliveryStream } from './firehose-delivery-stream.js';
import { runFirehoseStream } from './firehose-runner.js';
import { localPayloads } from './fixtures/local-payloads.js';

// The Firehose runner's contract, whatever the records and buffer size: every record put is read;
// it is delivered under the prefix its partition key names, dropped by the transform, or written
// with its original data under the error prefix; batches never exceed the size hint unless one
// record does.

const noTimers: FlushTimers = { setTimeout: () => undefined, clearTimeout: () => {} };
const ARRIVAL = Date.UTC(2024, 4, 6, 7, 30);

/** `ok:<key>:<n>` → Ok partitioned by key; `fail:<n>` → ProcessingFailed; `drop:<n>`; `nokey:<n>`. */
function transformOf(batchSizes: number[], batchCounts: number[] = []): FirehoseTransformHandler {
  return async (event) => {
    batchSizes.push(event.records.reduce((bytes, r) => bytes + Buffer.from(r.data, 'base64').length, 0));
    batchCounts.push(event.records.length);
    return {
      records: event.records.map(({ recordId, data }) => {
        const text = Buffer.from(data, 'base64').toString('utf8');
        const [kind, key] = text.split(':');
        if (kind === 'fail') return firehoseFailed(recordId, data);
        if (kind === 'drop') return firehoseDropped(recordId, data);
        if (kind === 'nokey') return firehoseOk(recordId, `${text}\n`);
        return firehoseOk(recordId, `${text}\n`, { key: key as string });
      }),
    };
  };
}

const record = fc.oneof(
  fc.constantFrom('a', 'b', 'c').map((key) => `ok:${key}`),
  fc.constant('fail'),
  fc.constant('drop'),
  fc.constant('nokey'),
);

async function objects(store: MemoryObjectStore, prefix: string) {
  const found: { key: string; lines: string[] }[] = [];
  for await (const { key } of listAll(store, prefix)) {
    found.push({ key, lines: (await readText(store, key)).split('\n').filter(Boolean) });
  }
  return found;
}

describe('runFirehoseStream contract', () => {
  it('accounts for every record: read = delivered + dropped + failed, each where its answer sends it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { maxLength: 120 }),
        fc.integer({ min: 4, max: 200 }),
        async (kinds, size) => {
          const texts = kinds.map((kind, n) => `${kind}:${n}`.replace(/^(fail|drop|nokey):/, '$1::'));
          const store = new MemoryObjectStore();
          const batchSizes: number[] = [];
          const batchCounts: number[] = [];
          const { report, objects: keys } = await runFirehoseStream(texts, {
            name: 'events',
            store,
            transform: transformOf(batchSizes, batchCounts),
            prefix: 'out/!{partitionKeyFromLambda:key}/',
            errorPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/',
            buffering: { sizeBytes: size, now: () => ARRIVAL, timers: noTimers },
          });
          const count = (kind: string) => kinds.filter((k) => k.startsWith(kind)).length;
          expect(report.read).toBe(texts.length);
          expect(isBalanced(report)).toBe(true);
          expect(report.kept).toBe(count('ok'));
          expect(report.dropped['dropped-by-transform'] ?? 0).toBe(count('drop'));
          expect(report.rejected['processing-failed'] ?? 0).toBe(count('fail'));
          expect(report.rejected['partitioning-failed'] ?? 0).toBe(count('nokey'));
          for (const { key, lines } of await objects(store, 'out/')) {
            expect(lines.every((line) => key.startsWith(`out/${line.split(':')[1]}/`))).toBe(true);
          }
          const delivered = (await objects(store, 'out/')).flatMap((o) => o.lines);
          expect(delivered.sort()).toEqual(texts.filter((t) => t.startsWith('ok')).sort());
          const failed = (await objects(store, 'errors/')).flatMap((o) => o.lines.map((l) => JSON.parse(l)));
          const rawOf = (line: { rawData: string }) => Buffer.from(line.rawData, 'base64').toString('utf8');
          expect(failed.map(rawOf).sort()).toEqual(texts.filter((t) => /^(fail|nokey)/.test(t)).sort());
          expect(batchSizes.every((bytes, i) => bytes <= size || batchCounts[i] === 1)).toBe(true);
          expect(keys).toEqual([...keys].sort());
        },
      ),
      { numRuns: 40 },
    );
  });

  it('cuts a batch on time: a record that waits out the interval goes alone, below the size', async () => {
    const fired: (() => void)[] = [];
    const timers: FlushTimers = { setTimeout: (flush) => fired.push(flush), clearTimeout: () => {} };
    const batchSizes: number[] = [];
    const stream = new LocalDeliveryStream({
      name: 'events',
      store: new MemoryObjectStore(),
      transform: transformOf(batchSizes),
      prefix: 'out/!{partitionKeyFromLambda:key}/',
      errorPrefix: 'errors/',
      buffering: { intervalMs: 1_000, timers },
    });
    await stream.put(['ok:a:1']);
    fired.shift()?.(); // the interval elapses before the next record arrives
    await stream.put(['ok:a:2', 'ok:b:3']);
    await stream.close();
    expect(batchSizes).toEqual([6, 12]);
    expect(stream.invocations).toBe(2);
    expect(stream.report()).toMatchObject({ read: 3, kept: 3 });
  });
});

describe('runFirehoseStream hands payloads over without a base64 round trip', () => {
  it('decodes to what the same request, serialised as Firehose sends it, decodes to', async () => {
    const seen = { local: [] as unknown[], wire: [] as unknown[] };
    const collect = (into: unknown[]) =>
      firehoseTransformHandler({
        decode: textData(),
        process: (text) => void into.push(text),
        onReject: (rejection) => void into.push(rejection.reason),
      });
    const [local, wire] = [collect(seen.local), collect(seen.wire)];
    const payloads = localPayloads();
    await runFirehoseStream(payloads, {
      name: 'local-text',
      store: new MemoryObjectStore(),
      transform: async (event) => {
        await wire(JSON.parse(JSON.stringify(event)) as FirehoseTransformationEvent);
        return local(event);
      },
      prefix: 'out/',
      errorPrefix: 'errors/',
      buffering: { timers: noTimers },
    });
    expect(seen.local).toEqual(seen.wire);
    expect(seen.wire).toHaveLength(payloads.length);
  });
});
