/** The local runner could not read its input file of SQS message bodies. */
export class TransactionInputError extends Error {
  override readonly name = 'TransactionInputError';
  constructor(
    readonly file: string,
    options: { cause: unknown },
  ) {
    const reason = (options.cause as { message?: string }).message ?? String(options.cause);
    super(`cannot read the transactions input ${file}: ${reason}`, options);
  }
}
