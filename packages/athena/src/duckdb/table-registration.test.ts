import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columnsOf } from '../tables/fixtures/columns.js';
import { defineTable } from '../tables/table-definition.js';
import { createDuckDbEngine, type DuckDbEngine } from './duckdb-engine.js';
import { DuckDbQueryError } from './errors.js';

describe('registering table definitions over local files', () => {
  let engine: DuckDbEngine;
  let root: string;
  /** A CSV table of one int column `id` over the folder `name` under `root`. */
  const idTable = (name: string) =>
    defineTable({ name, format: 'csv', location: join(root, name), columns: columnsOf('id:int') });
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'sluice-register-'));
    engine = await createDuckDbEngine({ localRoot: root });
  });
  afterAll(async () => {
    await engine.close();
    await rm(root, { recursive: true, force: true });
  });

  async function write(path: string, text: string): Promise<string> {
    const file = join(root, path);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, text);
    return file;
  }

  it('reads a CSV by position with the definition types, header skipped, under an s3:// location', async () => {
    await write(
      'orders-bucket/processed/part-1.csv',
      'OrderID,Amount,Order Date\n"A,1",19.99,2025-02-01\nA2,5,2025-02-02\n',
    );
    await write('orders-bucket/processed/_SUCCESS', '');
    const table = defineTable({
      name: 'orders',
      format: 'csv',
      location: 's3://orders-bucket/processed/',
      columns: columnsOf('orderid:string amount:decimal(10,2) orderdate:date'),
    });
    await engine.registerTable(table);
    const { rows, columns } = await engine.execute('SELECT * FROM orders ORDER BY orderid');
    expect(columns).toEqual(columnsOf('orderid:varchar amount:decimal(10,2) orderdate:date'));
    expect(rows).toEqual([
      { orderid: 'A,1', amount: '19.99', orderdate: '2025-02-01' },
      { orderid: 'A2', amount: '5.00', orderdate: '2025-02-02' },
    ]);
  });

  it('reads Parquet with upper-case column names as lower-case columns, Hive partitions included', async () => {
    const dir = join(root, 'readings');
    await engine.execute(
      `COPY (SELECT 'm1' AS "MachineID", 0.5 AS "Score", 2024 AS year UNION ALL SELECT 'm2', 0.75, 2025) TO '${dir}' (FORMAT PARQUET, PARTITION_BY (year))`,
    );
    const table = defineTable({
      name: 'readings',
      format: 'parquet',
      location: dir,
      columns: columnsOf('machineid:string score:double missing:bigint'),
      partitions: [{ name: 'year', type: 'int' }],
    });
    await engine.registerTable(table);
    const { rows } = await engine.execute('SELECT * FROM readings ORDER BY machineid');
    expect(rows).toEqual([
      { machineid: 'm1', score: 0.5, missing: null, year: 2024 },
      { machineid: 'm2', score: 0.75, missing: null, year: 2025 },
    ]);
  });

  it('reads JSON Lines with nested values in Hive partition folders', async () => {
    await write(
      'clicks/datehour=2022091123/a.jsonl',
      '{"element_clicked":"drink_3","time_spent":14,"tags":["a"],"item":{"n":3}}\n',
    );
    await write(
      'clicks/datehour=2022091200/b.jsonl',
      '{"element_clicked":"food_1","time_spent":2,"tags":[],"item":{"n":1}}\n',
    );
    const table = defineTable({
      name: 'clicks',
      format: 'json',
      location: join(root, 'clicks'),
      columns: columnsOf('element_clicked:string time_spent:int tags:array<string> item:struct<n:bigint>'),
      partitions: [{ name: 'datehour', type: 'string' }],
    });
    await engine.registerTable(table);
    const { rows } = await engine.execute('SELECT * FROM clicks ORDER BY datehour');
    expect(rows).toEqual([
      { element_clicked: 'drink_3', time_spent: 14, tags: ['a'], item: { n: 3 }, datehour: '2022091123' },
      { element_clicked: 'food_1', time_spent: 2, tags: [], item: { n: 1 }, datehour: '2022091200' },
    ]);
  });

  it('cuts projected partition values out of template folders (Firehose YYYY/MM/DD/HH prefixes)', async () => {
    await write(
      'clicks-bucket/clicks/2022/09/11/23/stream-1',
      '{"element_clicked":"drink_3","time_spent":14}\n',
    );
    await write(
      'clicks-bucket/clicks/2022/09/12/00/stream-2',
      '{"element_clicked":"food_1","time_spent":2}\n',
    );
    const table = defineTable({
      name: 'firehose_clicks',
      format: 'json',
      location: 's3://clicks-bucket/clicks/',
      columns: columnsOf('element_clicked:string time_spent:int'),
      partitions: [{ name: 'datehour', type: 'string' }],
      projection: {
        columns: { datehour: { type: 'date', format: 'yyyy/MM/dd/HH', range: ['2022/01/01/00', 'NOW'] } },
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's own placeholder syntax
        locationTemplate: 's3://clicks-bucket/clicks/${datehour}/',
      },
    });
    await engine.registerTable(table);
    const { rows } = await engine.execute(
      "SELECT * FROM firehose_clicks WHERE datehour >= '2022/09/12' ORDER BY 1",
    );
    expect(rows).toEqual([{ element_clicked: 'food_1', time_spent: 2, datehour: '2022/09/12/00' }]);
  });

  it('reads a tab-separated LazySimpleSerDe file without header, quotes kept as data', async () => {
    await write('tsv/a.tsv', '1\t"quoted"\n2\tplain\n');
    const table = defineTable({
      name: 'tsv',
      format: 'csv',
      location: join(root, 'tsv'),
      columns: columnsOf('id:int label:string'),
      csv: { serde: 'LazySimpleSerDe', delimiter: '\t', skipHeaderLines: 0 },
    });
    await engine.registerTable(table);
    const { rows } = await engine.execute('SELECT * FROM tsv ORDER BY id');
    expect(rows).toEqual([
      { id: 1, label: '"quoted"' },
      { id: 2, label: 'plain' },
    ]);
  });

  it('sees files added after registration, as Athena does', async () => {
    await write('late/one.csv', 'id\n1\n');
    await engine.registerTable(idTable('late'));
    await write('late/two.csv', 'id\n2\n');
    const { rows } = await engine.execute('SELECT count(*) AS n FROM late');
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('fails a query over a value its column type cannot hold with a DuckDbQueryError, not a crash', async () => {
    await write('typed/a.csv', 'id\n1\nnot-a-number\n');
    await engine.registerTable(idTable('typed'));
    const error = await engine.execute('SELECT sum(id) AS total FROM typed').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuckDbQueryError);
    expect((error as Error).message).toContain('not-a-number');
  });

  it('registers a typed table with no rows where the location holds no files (an empty domain)', async () => {
    await mkdir(join(root, 'empty-lake', 'date=2025-01-01'), { recursive: true });
    await write('empty-lake/_SUCCESS', '');
    for (const [name, location] of [
      ['ghost', join(root, 'nothing')],
      ['hollow', join(root, 'empty-lake')],
    ] as const) {
      await engine.registerTable(
        defineTable({
          name,
          format: 'parquet',
          location,
          columns: columnsOf('machine_id:string score:double'),
          partitions: [{ name: 'date', type: 'string' }],
        }),
      );
      const { rows } = await engine.execute(`SELECT count(*) AS n, avg(score) AS mean FROM ${name}`);
      expect(rows).toEqual([{ n: 0, mean: null }]);
    }
    const { rows } = await engine.execute('SELECT column_name, column_type FROM (DESCRIBE ghost)');
    expect(rows.map((r) => [r.column_name, r.column_type])).toEqual([
      ['machine_id', 'VARCHAR'],
      ['score', 'DOUBLE'],
      ['date', 'VARCHAR'],
    ]);
  });

  it('needs localRoot to map an s3:// location', async () => {
    const bare = await createDuckDbEngine();
    const table = defineTable({
      name: 'x',
      format: 'csv',
      location: 's3://b/p/',
      columns: [{ name: 'a', type: 'string' }],
    });
    await expect(bare.registerTable(table)).rejects.toThrow("needs the engine's localRoot option");
    await bare.close();
  });
});
