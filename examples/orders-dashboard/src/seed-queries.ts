import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DashboardQueryError } from './errors.js';

/**
 * The five Athena queries of the seed 000 write-up, verbatim, from the file the DuckDB backend is
 * tested with (shipped in @sluice/athena's sources), split at the semicolons that end them.
 *
 * @example const [totalsByCustomer] = seedQueryTexts();
 */
export function seedQueryTexts(): [string, string, string, string, string] {
  const athena = dirname(createRequire(import.meta.url).resolve('@sluice/athena/package.json'));
  const file = join(athena, 'src', 'duckdb', 'fixtures', 'seed-000-athena-queries.sql');
  const texts = readFileSync(file, 'utf8')
    .replace(/^--.*\n/gm, '')
    .split(/;\s*\n/)
    .map((sql) => sql.trim().replace(/;$/, ''))
    .filter((sql) => sql.length > 0);
  if (texts.length !== 5) throw new DashboardQueryError(`${file}: expected 5 queries, found ${texts.length}`);
  return texts as [string, string, string, string, string];
}
