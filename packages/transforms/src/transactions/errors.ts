/**
 * Options of `classifyTransaction` that cannot work, e.g. a negative threshold.
 *
 * @example classifyTransaction(body, { largeOrderThreshold: -1 }) // throws TransactionOptionsError
 */
export class TransactionOptionsError extends Error {
  override readonly name = 'TransactionOptionsError';
}
