import * as z from 'zod/mini';

const nonEmpty = () => z.string({ error: 'must be a string' }).check(z.trim(), z.minLength(1, 'is empty'));

/**
 * The SQS message body of a transaction. `transaction_id` may be a string or a safe integer and is
 * stored as a string (a larger number has already lost digits in JSON.parse, so it is refused).
 *
 * @example TransactionMessageSchema.safeParse({ transaction_id: 42, product_name: 'Kettle', quantity: 3, unit_price: 19.99 })
 */
export const TransactionMessageSchema = z.object(
  {
    transaction_id: z.union(
      [
        nonEmpty(),
        z.pipe(
          z.int(),
          z.transform((id) => String(id)),
        ),
      ],
      { error: 'must be a non-empty string or a safe integer' },
    ),
    product_name: nonEmpty(),
    quantity: z.int({ error: 'must be an integer' }),
    unit_price: z.number({ error: 'must be a finite number' }).check(z.gte(0, 'must be >= 0')),
  },
  { error: 'must be a JSON object' },
);

/** A transaction as sent on the queue. */
export type TransactionMessage = z.input<typeof TransactionMessageSchema>;
/** A validated transaction: ids are strings, names trimmed. */
export type Transaction = z.output<typeof TransactionMessageSchema>;

/**
 * `incomplete`: quantity ≤ 0; `pending`: a large order awaiting review; `confirmed` otherwise.
 *
 * @example TransactionStatusSchema.parse(item.Status)
 */
export const TransactionStatusSchema = z.enum(['confirmed', 'pending', 'incomplete']);
export type TransactionStatus = z.output<typeof TransactionStatusSchema>;

/**
 * The DynamoDB item of a transaction, keyed `TransactionID` (S). `Fingerprint` is the content hash
 * a sink compares to tell a redelivery (same content) from a conflict (same id, other content).
 *
 * @example TransactionItemSchema.parse(unmarshall(getItemOutput.Item))
 */
export const TransactionItemSchema = z.object({
  TransactionID: z.string().check(z.minLength(1)),
  ProductName: z.string(),
  Quantity: z.int(),
  UnitPrice: z.number().check(z.gte(0)),
  /** quantity × unit_price in integer cents, rounded half-up (ties away from zero). */
  TotalCents: z.int(),
  Status: TransactionStatusSchema,
  Fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type TransactionItem = z.output<typeof TransactionItemSchema>;

/**
 * A notification to publish (SNS) once the item is stored. `subject` is under 100 characters with
 * no control characters, as SNS requires. `id` is the same for every delivery of the transaction's
 * notification (see `transactionNotificationId`), so receivers can drop a repeat.
 *
 * @example TransactionNotificationSchema.parse({ id: 'inventory-…', kind: 'inventory', transactionId: '42', subject: '…', message: '…' })
 */
export const TransactionNotificationSchema = z.object({
  id: z.string().check(z.regex(/^(large-order|inventory)-[0-9a-f]{64}$/)),
  kind: z.enum(['large-order', 'inventory']),
  transactionId: z.string(),
  subject: z.string().check(z.maxLength(99)),
  message: z.string(),
});
export type TransactionNotification = z.output<typeof TransactionNotificationSchema>;
