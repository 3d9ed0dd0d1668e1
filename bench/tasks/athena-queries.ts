// The five seed-000 Athena queries on an orders CSV. Usage: athena-queries.ts <sluice|raw> <orders.csv>
// sluice: through @sluice/athena/duckdb. raw: @duckdb/node-api by hand, running the very SQL the
// engine runs (Trino macros installed, queries rewritten, the same view over the CSV), so the
// difference is the engine's own cost.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { createDuckDbEngine, rewriteTrinoSql, trinoMacroStatements } from '@sluice/athena/duckdb';
import { defineTable } from '@sluice/athena/tables';
import { peakRssMb } from '../rss.js';

const [mode, input] = process.argv.slice(2) as [string, string];
const QUERIES = readFileSync('packages/athena/src/duckdb/fixtures/seed-000-athena-queries.sql', 'utf8')
  .replace(/^--.*\n/gm, '')
  .split(/;\n/)
  .map((sql) => sql.trim())
  .filter((sql) => sql.length > 0);
const COLUMNS = {
  orderid: 'VARCHAR',
  customerid: 'VARCHAR',
  orderdate: 'VARCHAR',
  status: 'VARCHAR',
  amount: 'DOUBLE',
};

const run = mode === 'sluice' ? await sluiceRunner() : await rawRunner();
const started = process.hrtime.bigint();
const rowCounts: number[] = [];
for (const sql of QUERIES) rowCounts.push(await run.query(sql));
const queriesMs = Number(process.hrtime.bigint() - started) / 1e6;
await run.close();
console.log(JSON.stringify({ rowCounts, queriesMs, peakRssMb: peakRssMb() }));

async function sluiceRunner() {
  const processed = defineTable({
    name: 'processed',
    format: 'csv',
    location: input,
    columns: Object.keys(COLUMNS).map((name) => ({ name, type: name === 'amount' ? 'double' : 'string' })),
  });
  const engine = await createDuckDbEngine({ tables: [processed] });
  return {
    query: async (sql: string) => (await engine.execute(sql)).rows.length,
    close: () => engine.close(),
  };
}

async function rawRunner() {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`SET GLOBAL TimeZone = 'UTC'`);
  for (const statement of trinoMacroStatements()) await connection.run(statement);
  // The view the engine registers for this table definition, option for option.
  const columns = Object.entries(COLUMNS).map(([name, type]) => `'${name}': '${type}'`);
  const options = `hive_partitioning = false, auto_detect = false, header = true, skip = 0, delim = ',', quote = '"', escape = '"'`;
  await connection.run(
    `CREATE VIEW processed AS SELECT ${Object.keys(COLUMNS)
      .map((name) => `"${name}"`)
      .join(
        ', ',
      )} FROM read_csv('${input.replaceAll("'", "''")}', ${options}, columns = {${columns.join(', ')}})`,
  );
  return {
    query: async (sql: string) =>
      (await connection.runAndReadAll(rewriteTrinoSql(sql))).getRowObjectsJS().length,
    close: async () => connection.closeSync(),
  };
}
