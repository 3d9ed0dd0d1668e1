import { isBalanced, MemoryObjectStore, readText } from '@sluice/core';
import type { KinesisEvent } from '@sluice/core/lambda';
import { MemoryKeyValueSink } from '@sluice/sinks/local';
import { MemoryNotifier } from '@sluice/sinks/notify';
import { describe, expect, it } from 'vitest';
import { DETECTIONS_TABLE, EVENTS_STREAM, KEYS } from '../layout.js';
import { DetectionPublisher } from './detection-publisher.js';
import { ObjectDetectorStates } from './detector-states.js';
import { runStream } from './run-stream.js';

const EVENTS = [
  'event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session',
  '2019-11-01 00:00:00 UTC,view,1,2,,,1.00,501,s-1',
  '2019-11-01 00:00:01 UTC,view,1,2,,,1.00,502,s-2',
  '2019-11-01 00:00:02 UTC,view,1,2,,,1.00,503,s-3',
].join('\n');

describe('runStream', () => {
  it('quarantines a dead-lettered record with its stream position', async () => {
    const store = new MemoryObjectStore();
    await store.put(KEYS.rawEvents, `${EVENTS}\n`);
    const publisher = new DetectionPublisher({
      table: new MemoryKeyValueSink(DETECTIONS_TABLE),
      notifier: new MemoryNotifier(),
      metrics: () => {},
    });
    const { report, stream } = await runStream({
      store,
      states: new ObjectDetectorStates(store),
      publisher,
      runner: { batchSize: 1, maxRetryAttempts: 0 },
      wrap: (handler) => async (event: KinesisEvent) => {
        if (event.Records.some((record) => record.kinesis.partitionKey === '502')) throw new Error('poison');
        return handler(event);
      },
    });
    expect(stream.deadLettered).toBe(1);
    expect(report).toMatchObject({ read: 3, kept: 2, rejected: { 'dead-letter': 1 } });
    expect(isBalanced(report)).toBe(true);
    const [letter] = (await readText(store, `${KEYS.streamQuarantine}dead-letters.jsonl`))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(letter.position).toEqual({
      kind: 'stream',
      stream: EVENTS_STREAM,
      sequenceNumber: expect.any(String),
      partitionKey: '502',
    });
    expect(letter.message).toContain('poison');
    expect(JSON.parse(letter.raw).user_id).toBe('502');
  });
});
