/** A table definition is inconsistent (bad column type, partition also a column, projection on an unknown column). */
export class TableDefinitionError extends Error {
  override readonly name = 'TableDefinitionError';
  constructor(
    readonly table: string,
    problem: string,
  ) {
    super(`table ${table}: ${problem}`);
  }
}

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
