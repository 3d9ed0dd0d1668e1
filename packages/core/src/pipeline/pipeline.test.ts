import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { Rejection, SourceRecord } from '../outcome/outcome.js';
import { isBalanced, sum } from '../outcome/report.js';
import { MemoryObjectStore } from '../storage/memory/memory-object-store.js';
import { readText } from '../storage/object-store.js';
import { StageAccountingError } from './errors.js';
import { fromValues, pipeline } from './pipeline.js';
import { collectSink, objectSink } from './sinks.js';
import type { Stage } from './stages.js';

const at = (line: number) => ({ kind: 'file', file: 'orders.csv', line }) as const;

function records(values: unknown[]): SourceRecord<unknown>[] {
  return values.map((value, i) => ({ ok: true, value, position: at(i + 2) }));
}

describe('pipeline', () => {
  it('accounts for every record: kept, dropped with reason, rejected with position', async () => {
    const source: SourceRecord<unknown>[] = [
      ...records([{ n: 1 }, { n: -1 }, { n: 'x' }, { n: 4 }]),
      {
        ok: false,
        rejection: { reason: 'ragged-row', message: 'expected 2 fields, got 3', position: at(6) },
      },
    ];
    const kept = collectSink<{ n: number }>();
    const quarantine = collectSink<Rejection>();
    const report = await pipeline(source)
      .validate(z.object({ n: z.number() }))
      .filter((row) => row.n > 0, 'not-positive')
      .run({ sink: kept, quarantine });

    expect(kept.items).toEqual([{ n: 1 }, { n: 4 }]);
    expect(report).toMatchObject({
      read: 5,
      kept: 2,
      dropped: { 'not-positive': 1 },
      rejected: { schema: 1, 'ragged-row': 1 },
    });
    expect(quarantine.items.map((r) => r.position)).toEqual([at(6), at(4)]);
    expect(quarantine.items[1]?.message).toMatch(/^n: /);
  });

  it('rejects a record whose stage throws instead of failing the run', async () => {
    const quarantine = collectSink<Rejection>();
    const report = await pipeline(records([1, 2, 3]))
      .map((n) => {
        if (n === 2) throw new Error('cannot score 2');
        return n;
      })
      .run({ sink: collectSink(), quarantine });
    expect(report.rejected).toEqual({ 'stage-error': 1 });
    expect(quarantine.items[0]).toMatchObject({ message: 'cannot score 2', position: at(3), raw: '2' });
  });

  it('writes chunks of batchSize and reads no further until the sink is done (backpressure)', async () => {
    let pulled = 0;
    const source = (async function* () {
      for (let i = 0; i < 10; i++) {
        pulled++;
        yield { ok: true as const, value: i };
      }
    })();
    const pulledAtWrite: number[] = [];
    const report = await pipeline(source).run({
      batchSize: 4,
      sink: { write: async (batch) => void pulledAtWrite.push(pulled, batch.length) },
      quarantine: collectSink(),
    });
    expect(pulledAtWrite).toEqual([4, 4, 8, 4, 10, 2]);
    expect(report.kept).toBe(10);
  });

  it('decides records in groups with a batch stage, keeping per-record outcomes', async () => {
    const groups: number[][] = [];
    const report = await pipeline(fromValues([1, 2, 3, 4, 5]))
      .batch(2, async (values) => {
        groups.push(values);
        return values.map((v) => (v % 2 ? { kind: 'kept', value: v } : { kind: 'dropped', reason: 'even' }));
      })
      .run({ sink: collectSink(), quarantine: collectSink() });
    expect(groups).toEqual([[1, 2], [3, 4], [5]]);
    expect(report).toMatchObject({ read: 5, kept: 3, dropped: { even: 2 } });
  });

  it('rejects every record of a group whose batch decision throws, and goes on', async () => {
    const quarantine = collectSink<Rejection>();
    const report = await pipeline(records([1, 2, 3, 4]))
      .batch(2, async (values) => {
        if (values.includes(1)) throw new Error('table unavailable');
        return values.map((value) => ({ kind: 'kept', value }));
      })
      .run({ sink: collectSink(), quarantine });
    expect(report).toMatchObject({ read: 4, kept: 2, rejected: { 'stage-error': 2 } });
    expect(quarantine.items.map((r) => [r.position, r.message])).toEqual([
      [at(2), 'table unavailable'],
      [at(3), 'table unavailable'],
    ]);
  });

  it('refuses a stage that loses records without accounting for them', async () => {
    const leaky: Stage<unknown, unknown> = (items) => items.filter((item) => item.value !== 1);
    const run = pipeline(records([1, 2, 3]))
      .through(leaky)
      .run({ sink: collectSink(), quarantine: collectSink() });
    await expect(run).rejects.toBeInstanceOf(StageAccountingError);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('deadline'));
    const run = pipeline(fromValues([1])).run({
      sink: collectSink(),
      quarantine: collectSink(),
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow('deadline');
  });

  it('keeps read = kept + dropped + rejected for any mix of records and stages', async () => {
    const recordArb = fc.oneof(
      fc.record({ ok: fc.constant(true as const), value: fc.integer({ min: -50, max: 50 }) }),
      fc.record({
        ok: fc.constant(false as const),
        rejection: fc.record({ reason: fc.constantFrom('ragged-row', 'bad-json'), message: fc.string() }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArb, { maxLength: 200 }),
        fc.integer({ min: 1, max: 17 }),
        async (source, batchSize) => {
          const kept = collectSink<number>();
          const quarantine = collectSink<Rejection>();
          const report = await pipeline(source)
            .filter((n) => n % 3 !== 0, 'multiple-of-3')
            .decide((n) =>
              n < -25
                ? { kind: 'rejected', reason: 'too-small', message: `${n}` }
                : { kind: 'kept', value: n },
            )
            .run({ sink: kept, quarantine, batchSize });
          expect(isBalanced(report)).toBe(true);
          expect(report.read).toBe(source.length);
          expect(report.kept).toBe(kept.items.length);
          expect(sum(report.rejected)).toBe(quarantine.items.length);
        },
      ),
    );
  });
});

describe('objectSink', () => {
  it('streams batches into one object that appears when the sink closes', async () => {
    const store = new MemoryObjectStore();
    const sink = objectSink<number>(
      store,
      'processed/numbers.csv',
      (batch) => batch.map((n) => `${n}\n`).join(''),
      {
        header: 'n\n',
      },
    );
    await pipeline(fromValues([1, 2, 3, 4, 5])).run({ sink, quarantine: collectSink(), batchSize: 2 });
    expect(await readText(store, 'processed/numbers.csv')).toBe('n\n1\n2\n3\n4\n5\n');
  });
});
