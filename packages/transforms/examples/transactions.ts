// README "classifyTransaction". Hidden prelude: a table with the KeyValueSink port's putIfAbsent
// (@sluice/sinks/dynamodb: a conditional put comparing fingerprints), a notifier with the Notifier
// port's shape and a quarantine, each keeping what it is given.
import type { TransactionItem } from '@sluice/transforms/transactions';

const fingerprints = new Map<string, string>();
const table = {
  async putIfAbsent(item: TransactionItem, options: { fingerprint: string }) {
    const stored = fingerprints.get(item.TransactionID);
    if (stored === undefined) fingerprints.set(item.TransactionID, options.fingerprint);
    return stored === undefined ? 'created' : stored === options.fingerprint ? 'duplicate' : 'conflict';
  },
};
const published: { subject?: string; message: string }[] = [];
const notifier = {
  publish: async (notifications: typeof published) => void published.push(...notifications),
};
const quarantined: string[] = [];
const quarantine = (messageId: string, reason: string) => void quarantined.push(`${messageId}: ${reason}`);

// #region readme
import { classifyTransaction } from '@sluice/transforms/transactions';

async function processMessage(message: { messageId: string; body: string }) {
  const outcome = classifyTransaction(message.body, { largeOrderThreshold: 100 });
  if (outcome.kind === 'rejected') return quarantine(message.messageId, outcome.message); // 'quantity: must be an integer'
  const { item, notifications } = outcome.value; // item.Status 'confirmed', item.TotalCents 30
  const stored = await table.putIfAbsent(item, { fingerprint: item.Fingerprint }); // 'created' | 'duplicate' | 'conflict'
  if (stored === 'conflict') return quarantine(message.messageId, `conflict: ${item.TransactionID}`);
  if (stored === 'created')
    await notifier.publish(notifications.map(({ subject, message }) => ({ subject, message })));
}
// #endregion

for (const [messageId, body] of [
  ['m1', '{"transaction_id":7,"product_name":"Tea","quantity":3,"unit_price":0.1}'],
  ['m2', '{"transaction_id":"7","product_name":"Tea","quantity":3,"unit_price":0.10}'], // a redelivery
  ['m3', '{"transaction_id":7,"product_name":"Tea","quantity":4,"unit_price":0.1}'], // same id, other content
  ['m4', '{"transaction_id":8,"product_name":"Tea","quantity":1.5,"unit_price":1}'],
] as const)
  await processMessage({ messageId, body });
export const ran = { published, quarantined };
