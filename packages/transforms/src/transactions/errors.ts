/** Options of {@link classifyTransaction} that cannot work, e.g. a negative threshold. */
export class TransactionOptionsError extends Error {
  override readonly name = 'TransactionOptionsError';
}
