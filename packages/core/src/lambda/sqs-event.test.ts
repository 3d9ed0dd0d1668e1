import { describe, expect, it } from 'vitest';
import fifo from './fixtures/events/sqs/fifo-message-groups.json' with { type: 'json' };
import batch from './fixtures/events/sqs/transactions-batch.json' with { type: 'json' };
import { parseSqsJson } from './payload.js';
import { parseSqsEvent } from './sqs-event.js';

describe('parseSqsEvent', () => {
  it('reads messageId, body, receive count, queue and position of every message', () => {
    const [first, second] = parseSqsEvent(batch);
    expect(first).toMatchObject({
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      approximateReceiveCount: 1,
      eventSourceARN: 'arn:aws:sqs:us-east-2:123456789012:transactions',
      queue: 'transactions',
      messageGroupId: undefined,
      position: { kind: 'message', messageId: '059f36b4-87a3-44ab-83d2-661975830a7d' },
    });
    expect(first?.attributes.SentTimestamp).toBe('1545082649183');
    expect(second?.approximateReceiveCount).toBe(3);
  });

  it('reads the message group of FIFO messages', () => {
    const groups = parseSqsEvent(fifo).map((m) => m.messageGroupId);
    expect(groups.join(' ')).toBe('customer-a customer-b customer-a customer-b');
  });

  it('refuses an event that is not from SQS', () => {
    expect(() => parseSqsEvent({ Records: [{ kinesis: {} }] })).toThrow('SQS event: Records[0].messageId');
  });
});

describe('parseSqsJson', () => {
  it('parses a JSON body', () => {
    const [first] = parseSqsEvent(batch);
    expect(parseSqsJson(first!)).toMatchObject({ ok: true, value: { transaction_id: 1001, quantity: 3 } });
  });

  it('turns invalid JSON into a rejection positioned at the message id, keeping the body', () => {
    const truncated = parseSqsEvent(batch)[2]!;
    const result = parseSqsJson(truncated);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection).toMatchObject({
      reason: 'invalid-json',
      position: { kind: 'message', messageId: '8c3fa0c5-2b6f-4d3e-9a77-0f4e1f3b8a11' },
      raw: truncated.body,
    });
    expect(result.rejection.message).toMatch(/^not valid JSON/);
  });
});
