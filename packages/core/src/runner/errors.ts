/** Thrown before a run starts when an option is out of range; says which one and what is allowed. */
export class StreamRunnerOptionError extends Error {
  override readonly name = 'StreamRunnerOptionError';
  constructor(
    readonly option: string,
    readonly value: unknown,
    allowed: string,
  ) {
    super(`stream runner option ${option} = ${String(value)} is invalid: expected ${allowed}`);
  }
}
