import {
  PublishBatchCommand,
  type PublishBatchCommandInput,
  PublishCommand,
  type PublishCommandInput,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { describeNotifier } from '../notify/notifier-contract.js';
import { SnsNotifier } from './sns-notifier.js';

const topicArn = 'arn:aws:sns:us-east-1:123456789012:alerts';
const fast = { baseDelayMs: 1, maxDelayMs: 2 };

function setup() {
  const client = new SNSClient({ region: 'us-east-1' });
  const sns = mockClient(client);
  return { sns, notifier: new SnsNotifier({ topicArn, client, retry: fast }) };
}

const batchIds = (input: PublishBatchCommandInput) =>
  (input.PublishBatchRequestEntries ?? []).map((e) => e.Id);

describe('SnsNotifier', () => {
  it('publishes one notification with Publish, its subject repaired and attributes typed', async () => {
    const { sns, notifier } = setup();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const report = await notifier.publish([
      { subject: 'Large order\nTX-9', message: '{"id":"TX-9"}', attributes: { total: 120 } },
    ]);
    expect(report).toEqual({ sent: 1, retried: 0, rejected: [], failed: [] });
    expect(sns.commandCalls(PublishCommand)[0]?.args[0].input).toEqual({
      TopicArn: topicArn,
      Message: '{"id":"TX-9"}',
      Subject: 'Large order TX-9',
      MessageAttributes: { total: { DataType: 'Number', StringValue: '120' } },
    });
  });

  it('publishes many in batches of 10 with ids unique within each batch', async () => {
    const { sns, notifier } = setup();
    sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => ({
      Successful: batchIds(input).map((Id) => ({ Id, MessageId: `m-${Id}` })),
    }));
    const report = await notifier.publish(Array.from({ length: 23 }, (_, i) => ({ message: `alert ${i}` })));
    const calls = sns.commandCalls(PublishBatchCommand).map((c) => batchIds(c.args[0].input));
    expect(calls.map((ids) => ids.length)).toEqual([10, 10, 3]);
    for (const ids of calls) expect(new Set(ids).size).toBe(ids.length);
    expect(report.sent).toBe(23);
  });

  it('retries a failed batch entry alone, and never one SNS blames on the sender', async () => {
    const { sns, notifier } = setup();
    sns.on(PublishBatchCommand).resolves({
      Successful: [{ Id: 'n0', MessageId: 'm-0' }],
      Failed: [
        { Id: 'n1', Code: 'InternalError', Message: 'try again', SenderFault: false },
        { Id: 'n2', Code: 'InvalidParameter', Message: 'bad attribute', SenderFault: true },
      ],
    });
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const report = await notifier.publish([{ message: 'a' }, { message: 'b' }, { message: 'c' }]);
    expect(sns.commandCalls(PublishCommand).map((c) => c.args[0].input.Message)).toEqual(['b']);
    expect(report.sent).toBe(2);
    expect(report.retried).toBe(1);
    expect(report.failed).toEqual([
      { index: 2, record: { message: 'c' }, reason: 'InvalidParameter', message: 'bad attribute' },
    ]);
  });

  it('retries a throttled Publish and rejects messages it cannot send, without throwing', async () => {
    const { sns, notifier } = setup();
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'Throttling',
      $metadata: { httpStatusCode: 400 },
    });
    sns.on(PublishCommand).rejectsOnce(throttled).resolves({ MessageId: 'm-1' });
    const report = await notifier.publish([
      { message: '' },
      { message: 'ok' },
      { message: 'x'.repeat(300_000) },
    ]);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
    expect(report.sent).toBe(1);
    expect(report.rejected.map((r) => [r.index, r.reason])).toEqual([
      [0, 'empty-message'],
      [2, 'too-large'],
    ]);
  });

  it('sends the id as MessageDeduplicationId and the group on a FIFO topic, and neither on a standard one', async () => {
    const client = new SNSClient({ region: 'us-east-1' });
    const sns = mockClient(client);
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => ({
      Successful: batchIds(input).map((Id) => ({ Id, MessageId: `m-${Id}` })),
    }));
    const fifo = new SnsNotifier({ topicArn: `${topicArn}.fifo`, client, retry: fast });
    await fifo.publish([{ message: 'one', id: 'tx-1-inventory', groupId: 'inventory' }]);
    await fifo.publish([{ message: 'two', id: 'tx-2-inventory' }, { message: 'three' }]);
    await new SnsNotifier({ topicArn, client, retry: fast }).publish([{ message: 'four', id: 'tx-4' }]);
    const fifoFields = (e: PublishCommandInput) => [e.MessageDeduplicationId, e.MessageGroupId];
    expect(sns.commandCalls(PublishCommand).map((c) => fifoFields(c.args[0].input))).toEqual([
      ['tx-1-inventory', 'inventory'],
      [undefined, undefined],
    ]);
    const batch = sns.commandCalls(PublishBatchCommand)[0]?.args[0].input.PublishBatchRequestEntries ?? [];
    expect(batch.map((e) => [e.MessageDeduplicationId, e.MessageGroupId])).toEqual([
      ['tx-2-inventory', 'default'],
      [undefined, 'default'],
    ]);
  });
});

describeNotifier('SNS (mocked client)', async () => {
  const { sns, notifier } = setup();
  const messages: string[] = [];
  sns.on(PublishCommand).callsFake((input: PublishCommandInput) => {
    messages.push(input.Message ?? '');
    return { MessageId: 'm' };
  });
  sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => {
    messages.push(...(input.PublishBatchRequestEntries ?? []).map((e) => e.Message ?? ''));
    return { Successful: batchIds(input).map((Id) => ({ Id, MessageId: `m-${Id}` })) };
  });
  // SNS drops a repeated id on the server (FIFO topics only), not in the client.
  return { notifier, read: async () => messages, dedupsById: false };
});
