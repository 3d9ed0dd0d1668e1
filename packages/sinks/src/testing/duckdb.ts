import { DuckDBInstance } from '@duckdb/node-api';

/** A JSON-shaped row as DuckDB returns it (numbers beyond doubles and decimals come back as strings). */
export type DuckDbRow = Record<string, unknown>;

/**
 * Runs one query on a fresh in-memory DuckDB: the independent reader the tests check every written
 * Parquet, CSV and JSON Lines file with.
 *
 * @example
 * const [{ n }] = await queryDuckDb(`select count(*) as n from read_parquet('${path}')`);
 */
export async function queryDuckDb(sql: string): Promise<DuckDbRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
