import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineTable } from '../tables/table-definition.js';
import { createDuckDbEngine, type DuckDbEngine } from './duckdb-engine.js';
import { DuckDbRestartedError, RejectedCsvRowsError } from './errors.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));

/** A CSV table over one fixture file, its columns by name and Athena type. */
const fixtureTable = (name: string, file: string, columns: Record<string, string>) =>
  defineTable({
    name,
    format: 'csv',
    location: fixture(file),
    columns: Object.entries(columns).map(([column, type]) => ({ name: column, type })),
  });

const customers = fixtureTable('customers', 'customers-windows-1252-bom-crlf-blank-lines.csv', {
  customer_id: 'string',
  age: 'int',
  location: 'string',
  purchase_amount: 'decimal(10,2)',
});
const events = fixtureTable('events', 'events-19-digit-ids-blank-lines.csv', {
  event_time: 'string',
  event_type: 'string',
  product_id: 'bigint',
  category_id: 'bigint',
  price: 'double',
});
const ragged = fixtureTable('ragged', 'orders-ragged-rows.csv', {
  id: 'int',
  status: 'string',
  amount: 'double',
});

/** Runs `use` with a fresh temporary folder, removed afterwards. */
async function inTempFolder(prefix: string, use: (root: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  try {
    await use(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('DuckDB tables over real CSV files, read as core reads them', () => {
  let engine: DuckDbEngine;
  beforeAll(async () => {
    engine = await createDuckDbEngine({ tables: [customers, events, ragged] });
  });
  afterAll(() => engine.close());

  it('decodes a Windows-1252 byte beside UTF-8, drops the BOM, CRLF and blank lines', async () => {
    const { rows } = await engine.execute(
      'SELECT customer_id, age, location, purchase_amount FROM customers',
    );
    expect(rows).toEqual([
      { customer_id: '37-611-6911', age: 22, location: 'Évry', purchase_amount: '333.80' },
      { customer_id: '48-980-6078', age: 29, location: 'Wiwiló', purchase_amount: '101.31' },
      { customer_id: '37-065-3182', age: 24, location: 'Gräbo, Nord', purchase_amount: '201.96' },
    ]);
  });

  it('keeps 19-digit ids exact in bigint columns', async () => {
    const { rows } = await engine.execute('SELECT category_id FROM events ORDER BY category_id');
    expect(rows).toEqual([{ category_id: 2053013555631882655n }, { category_id: 2053013566100866035n }]);
  });

  it('refuses a query over ragged rows, naming table, file and line; other tables still answer', async () => {
    const error = await engine.execute('SELECT count(*) AS n FROM ragged').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RejectedCsvRowsError);
    const message = (error as Error).message;
    expect(message).toMatch(/orders-ragged-rows\.csv:3 \(table ragged\)/);
    expect(message).toMatch(/orders-ragged-rows\.csv:4 \(table ragged\)/);
    expect(message).toMatch(/orders-ragged-rows\.csv:5 \(table ragged\)/);
    expect(engine.rejectedRows('ragged').map((r) => r.line)).toEqual([3, 4, 5]);
    expect((await engine.execute('SELECT count(*) AS n FROM customers')).rows).toEqual([{ n: 3 }]);
  });

  it('names the file, line and column of a value its type cannot hold', () =>
    inTempFolder('sluice-typed-', async (root) => {
      await writeFile(join(root, 'a.csv'), 'id\n1\n\nnot-a-number\n');
      await engine.registerTable(
        defineTable({ name: 'typed', format: 'csv', location: root, columns: [{ name: 'id', type: 'int' }] }),
      );
      await expect(engine.execute('SELECT sum(id) FROM typed')).rejects.toThrow(
        /a\.csv:4 \(table typed\): column id: "not-a-number" is not a int/,
      );
    }));

  it('reads a changed file again before the next query', () =>
    inTempFolder('sluice-changed-', async (root) => {
      const file = join(root, 'customers.csv');
      await copyFile(fixture('customers-windows-1252-bom-crlf-blank-lines.csv'), file);
      await engine.registerTable({ ...customers, name: 'changing', location: file });
      await writeFile(file, 'Customer_ID,Age,Location,Amount\n1,30,Lyon,1.00\n');
      const { rows } = await engine.execute('SELECT location FROM changing');
      expect(rows).toEqual([{ location: 'Lyon' }]);
    }));
});

describe('a fatal DuckDB error', () => {
  it('reopens the engine, re-registers its tables and says so; the next query answers', async () => {
    const engine = await createDuckDbEngine({ tables: [customers] });
    // DuckDB's own CSV reader on a Windows-1252 byte fails with an INTERNAL error and invalidates the database.
    const path = fixture('customers-windows-1252-bom-crlf-blank-lines.csv').replaceAll("'", "''");
    const crash = `SELECT "Location" FROM read_csv('${path}', auto_detect = false, header = true, columns = {'Customer_ID': 'VARCHAR', 'Age': 'VARCHAR', 'Location': 'VARCHAR', 'Purchase_Amount': 'VARCHAR'})`;
    const error = await engine.execute(crash).catch((e: unknown) => e);
    if (!(error instanceof DuckDbRestartedError)) {
      // A DuckDB release that reads the byte without crashing still must not leave the engine broken.
      expect(error).toBeInstanceOf(Error);
    } else {
      expect(error.message).toMatch(
        /failed fatally \(INTERNAL Error: .*\); the engine reopened the database/,
      );
      expect(error.message).not.toMatch(/Stack Trace/);
    }
    const { rows } = await engine.execute("SELECT location FROM customers WHERE customer_id = '37-611-6911'");
    expect(rows).toEqual([{ location: 'Évry' }]);
    await engine.close();
  });
});
