import type { QueryEngine } from '@sluice/athena';
import { ConfigurationError } from '@sluice/core/lambda';
import { firehoseEvent } from '@sluice/core/testing';
import { describe, expect, it } from 'vitest';
import { insightsHandler } from './clickstream-insights.js';
import { enrichClicksHandler } from './enrich-clicks.js';

const event = (...data: string[]) => firehoseEvent(data.map((d, i) => ({ data: d, recordId: `r${i}` })));

describe('enrichClicksHandler', () => {
  it('logs each rejection with its recordId and the batch account as EMF metrics', async () => {
    const lines: string[] = [];
    const handler = enrichClicksHandler({
      env: { CLICKS_METRICS_NAMESPACE: 'Restaurant' },
      log: (l) => lines.push(l),
    });
    const click =
      '{"element_clicked":"drink_3","time_spent":14,"source_menu":"m","created_at":"2022–09–11 23:00:00"}';
    const { records } = await handler(event(click, '{"element_clicked":"drink"}'));
    expect(records.map((r) => [r.result, r.metadata?.partitionKeys.datehour])).toEqual([
      ['Ok', '2022/09/11/23'],
      ['ProcessingFailed', undefined],
    ]);
    const logged = lines.map((line) => JSON.parse(line));
    expect(logged[0].rejection).toMatchObject({
      reason: 'schema',
      position: { kind: 'message', messageId: 'r1' },
    });
    expect(logged[1]._aws.CloudWatchMetrics[0].Namespace).toBe('Restaurant');
  });

  it('fails the cold start naming a bad variable', () => {
    expect(() => enrichClicksHandler({ env: { CLICKS_METRICS_NAMESPACE: '' } })).toThrow(ConfigurationError);
    expect(() => enrichClicksHandler({ env: { CLICKS_METRICS_NAMESPACE: '' } })).toThrow(
      /CLICKS_METRICS_NAMESPACE/,
    );
  });
});

describe('insightsHandler', () => {
  /** An engine that records the queries and params it was asked to run. */
  function recordingEngine(calls: [string, unknown][]): QueryEngine {
    const run = async (query: { name: string }, params: unknown) => {
      calls.push([query.name, params]);
      return {
        rows: [],
        columns: [],
        stats: { engine: 'fake', queryId: 'q', elapsedMs: 0, bytesScanned: 0, costUsd: 0 },
      };
    };
    return { engine: 'fake', run } as unknown as QueryEngine;
  }

  it('runs the three insights over the event’s window of hours', async () => {
    const calls: [string, unknown][] = [];
    const insights = await insightsHandler({ engine: recordingEngine(calls) })({
      from: '2022/09/11/00',
      to: '2022/09/11/23',
    });
    expect(Object.keys(insights)).toEqual(['clicks_per_item', 'clicks_per_category', 'clicks_per_hour']);
    expect(calls.map(([, params]) => params)).toEqual(
      Array(3).fill({ from: '2022/09/11/00', to: '2022/09/11/23' }),
    );
  });

  it('refuses a window that is not yyyy/MM/dd/HH before querying', async () => {
    const calls: [string, unknown][] = [];
    await expect(insightsHandler({ engine: recordingEngine(calls) })({ from: '2022-09-11' })).rejects.toThrow(
      /yyyy\/MM\/dd\/HH/,
    );
    expect(calls).toEqual([]);
  });
});
