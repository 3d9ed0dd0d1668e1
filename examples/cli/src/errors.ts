/** Bad arguments: the CLI prints the message and the usage line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An input file that does not exist or cannot be read; the CLI exits 1 naming it. */
export class UnreadableInputError extends Error {
  override readonly name = 'UnreadableInputError';
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
