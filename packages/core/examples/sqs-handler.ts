// README "Lambda handlers". Hidden prelude: the schema, a table that answers as DynamoDbSink.putIfAbsent
// does, and a quarantine that keeps what it is given.
import type { Rejection } from '@sluice/core';
import * as z from 'zod/mini';

const TransactionSchema = z.object({ id: z.string(), amount: z.number() });
type Transaction = z.infer<typeof TransactionSchema>;
const rows = new Map<string, string>();
const table = {
  async put(tx: Transaction): Promise<'created' | 'duplicate' | 'conflict'> {
    if (tx.amount < 0) throw new Error('throttled'); // a transient failure: redelivered
    const stored = rows.get(tx.id);
    if (stored === undefined) rows.set(tx.id, JSON.stringify(tx));
    return stored === undefined ? 'created' : stored === JSON.stringify(tx) ? 'duplicate' : 'conflict';
  },
};
const quarantine = {
  rejections: [] as Rejection[],
  async write(rejections: Rejection[]) {
    quarantine.rejections.push(...rejections);
  },
};

// #region readme
import { jsonBody, rejected, sqsBatchHandler } from '@sluice/core';

export const handler = sqsBatchHandler({
  name: 'process-transactions', // the EMF `Handler` dimension; default: the function name
  decode: jsonBody(TransactionSchema), // invalid JSON / schema → onReject, acknowledged
  process: async (tx) =>
    (await table.put(tx)) === 'conflict' ? rejected('conflict', `id ${tx.id}`) : undefined,
  onReject: (rejection) => quarantine.write([rejection]),
  metrics: { namespace: 'Shop', dimensions: { Pipeline: 'transactions' } },
});
// #endregion

export const ran = { rows, quarantine };
