/** Bad arguments: the CLI prints the message and the usage line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
