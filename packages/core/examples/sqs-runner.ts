// README "Local stream runner", feeding the README's SQS handler: a new transaction, its redelivery,
// a conflict, a body that is not JSON and one whose write always fails transiently.
import { handler } from './sqs-handler.js';

const messages = [
  { body: '{"id":"t1","amount":10}' },
  { body: '{"id":"t1","amount":10}' },
  { body: '{"id":"t1","amount":99}' },
  { body: 'not json' },
  { body: '{"id":"t2","amount":-1}' },
];

// #region readme
import { runSqsQueue } from '@sluice/core';

const report = await runSqsQueue(messages, handler, { batchSize: 10, maxReceiveCount: 3 });
// { invocations: 3, received: 5, delivered: 7, redelivered: 2, acknowledged: 4, deadLettered: 1, deadLetters, ... }
// #endregion

export const ran = { report };
