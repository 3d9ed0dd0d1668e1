import { toGlueTableInput } from '../tables/glue-table-input.js';
import type { TableDefinition } from '../tables/table-definition.js';
import { entityNotFound, LocalApiError } from './errors.js';

const CATALOG_ID = '000000000000';
const MAX_TABLES = 100;

/**
 * Glue's catalog calls over the endpoint's tables: GetDatabase(s), GetTable, GetTables. Each table
 * lives in its definition's `database`, else the endpoint's default database; the table input is the
 * one `toGlueTableInput` gives CDK.
 */
export class GlueOperations {
  constructor(
    private readonly tables: readonly TableDefinition[],
    private readonly database: string,
  ) {}

  /** The answer to one `AWSGlue.<operation>` call. */
  answer(operation: string, input: Record<string, unknown>): unknown {
    switch (operation) {
      case 'GetDatabase':
        return { Database: this.databaseBody(this.databaseNamed(input.Name)) };
      case 'GetDatabases':
        return { DatabaseList: this.databases().map((name) => this.databaseBody(name)) };
      case 'GetTable':
        return { Table: this.tableBody(this.table(input)) };
      case 'GetTables':
        return this.tablesPage(input);
      default:
        return undefined;
    }
  }

  private databases(): string[] {
    return [...new Set([this.database, ...this.tables.map((t) => this.databaseOf(t))])];
  }

  private databaseOf(table: TableDefinition): string {
    return table.database ?? this.database;
  }

  private databaseNamed(name: unknown): string {
    const found = this.databases().find((d) => d === String(name).toLowerCase());
    if (!found) throw entityNotFound(`Database ${String(name)} not found.`);
    return found;
  }

  private databaseBody(name: string) {
    return { Name: name, CatalogId: CATALOG_ID, CreateTime: 0 };
  }

  private table(input: Record<string, unknown>): TableDefinition {
    const database = this.databaseNamed(input.DatabaseName);
    const wanted = String(input.Name).toLowerCase();
    const table = this.tables.find((t) => this.databaseOf(t) === database && t.name === wanted);
    if (!table) throw entityNotFound(`Table ${String(input.Name)} not found.`);
    return table;
  }

  private tableBody(table: TableDefinition) {
    return {
      ...toGlueTableInput(table),
      DatabaseName: this.databaseOf(table),
      CatalogId: CATALOG_ID,
      CreateTime: 0,
      UpdateTime: 0,
      IsRegisteredWithLakeFormation: false,
    };
  }

  private tablesPage(input: Record<string, unknown>) {
    const database = this.databaseNamed(input.DatabaseName);
    const pattern = typeof input.Expression === 'string' ? expressionRegex(input.Expression) : /.*/;
    const matching = this.tables.filter((t) => this.databaseOf(t) === database && pattern.test(t.name));
    const max = Number(input.MaxResults ?? MAX_TABLES);
    const offset = Number(input.NextToken ?? 0);
    if (!Number.isInteger(offset) || offset < 0)
      throw new LocalApiError('InvalidInputException', 'bad NextToken');
    const end = Math.min(matching.length, offset + max);
    return {
      TableList: matching.slice(offset, end).map((t) => this.tableBody(t)),
      ...(end < matching.length && { NextToken: String(end) }),
    };
  }
}

// Glue's table-name expression: a regular expression where `*` means any characters.
function expressionRegex(expression: string): RegExp {
  return new RegExp(`^(?:${expression.replaceAll('*', '.*')})$`, 'i');
}
