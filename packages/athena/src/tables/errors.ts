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
