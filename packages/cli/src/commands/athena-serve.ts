import { createDuckDbEngine } from '@sluice/athena/duckdb';
import { startLocalAthena } from '@sluice/athena/local';
import { integer } from '../args.js';
import type { CommandRun } from '../command.js';
import { UsageError } from '../errors.js';
import { tableArgument, tableOf } from './query.js';

/**
 * `sluice athena serve`: Athena's JSON API on 127.0.0.1 over embedded DuckDB, until Ctrl-C.
 *
 * @example sluice athena serve --port 4566 --table orders=orders.csv --output out/athena-results
 */
export const athenaServe: CommandRun = async ({ values }, io) => {
  const tables = ((values.table as string[] | undefined) ?? []).map(tableArgument);
  if (tables.length === 0) throw new UsageError('--table is required');
  const engine = await createDuckDbEngine();
  try {
    const definitions = [];
    for (const table of tables) {
      const definition = await tableOf(table, engine);
      await engine.registerTable(definition);
      definitions.push(definition);
    }
    const outputDir = typeof values.output === 'string' ? values.output : 'out/athena-results';
    const athena = await startLocalAthena({
      tables: definitions,
      engine,
      port: integer(values, 'port', 4566),
      outputDir,
    });
    io.stderr(
      `athena on ${athena.endpoint} (tables: ${definitions.map((t) => t.name).join(', ')}; Ctrl-C to stop)`,
    );
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    await athena.stop();
    return { endpoint: athena.endpoint, tables: definitions.map((t) => t.name), outputDir };
  } finally {
    await engine.close();
  }
};
