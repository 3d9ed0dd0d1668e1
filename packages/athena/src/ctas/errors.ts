/** A CTAS/UNLOAD request breaks an Athena rule (partition columns not last, too many partitions). */
export class CtasDefinitionError extends Error {
  override readonly name = 'CtasDefinitionError';
  constructor(
    readonly target: string,
    problem: string,
  ) {
    super(`${target}: ${problem}`);
  }
}
