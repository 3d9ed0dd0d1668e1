import { describe, expect, it } from 'vitest';
import { kinesisDeadLetterRejection } from './dead-letter.js';

describe('kinesisDeadLetterRejection', () => {
  it('keeps a dead-lettered record with its stream position, attempts and cause', () => {
    const rejection = kinesisDeadLetterRejection('events', {
      record: { partitionKey: 'user-7', data: { user_id: '7' } },
      id: '49590001',
      attempts: 3,
      reason: 'batch-item-failure',
      error: 'table unavailable',
    });
    expect(rejection).toEqual({
      reason: 'dead-letter',
      message: 'events#49590001: gave up after 3 deliveries (batch-item-failure: table unavailable)',
      position: { kind: 'stream', stream: 'events', sequenceNumber: '49590001', partitionKey: 'user-7' },
      raw: '{"user_id":"7"}',
    });
  });
});
