import { type ConformanceCase, casesFrom, fails, ts } from './conformance-case.js';

// conversion.md: CAST fails on a value it cannot convert, TRY_CAST gives NULL; decimals round half up.
const conversion = casesFrom('conversion.md', [
  ["SELECT CAST('123' AS BIGINT)", 123, 'bigint'],
  ["SELECT CAST('123' AS INTEGER)", 123, 'integer'],
  ["SELECT CAST('-7' AS SMALLINT)", -7, 'smallint'],
  ["SELECT CAST('P332a' AS BIGINT)", fails("Cannot cast 'P332a' to BIGINT")],
  ["SELECT try_cast('P332a' AS BIGINT)", null, 'bigint'],
  ["SELECT try_cast('42' AS INTEGER)", 42, 'integer'],
  ["SELECT try_cast('2020-02-30' AS DATE)", null, 'date'],
  ['SELECT CAST(1.6 AS INTEGER)', 2, 'integer'],
  ['SELECT CAST(2.5 AS INTEGER)', 3, 'integer'],
  ['SELECT CAST(-2.5 AS INTEGER)', -3, 'integer'],
  ['SELECT CAST(2.5e0 AS INTEGER)', 3, 'integer'],
  ['SELECT CAST(-2.5e0 AS BIGINT)', -3, 'bigint'],
  ['SELECT CAST(123 AS VARCHAR)', '123', 'varchar'],
  ['SELECT CAST(1.5e0 AS VARCHAR)', '1.5E0', 'varchar'],
  ['SELECT CAST(true AS VARCHAR)', 'true', 'varchar'],
  ["SELECT CAST('true' AS BOOLEAN)", true, 'boolean'],
  ['SELECT CAST(3 AS DOUBLE)', 3, 'double'],
  ["SELECT CAST('1.50' AS DECIMAL(10,2))", '1.50', 'decimal(10,2)'],
  ['SELECT CAST(12.345 AS DECIMAL(10,2))', '12.35', 'decimal(10,2)'],
  ["SELECT CAST('2001-08-22' AS DATE)", '2001-08-22', 'date'],
  ["SELECT CAST('2001-08-22 03:04:05.321' AS TIMESTAMP)", ts('2001-08-22 03:04:05.321'), 'timestamp'],
  ["SELECT CAST(TIMESTAMP '2001-08-22 03:04:05' AS DATE)", '2001-08-22', 'date'],
  ["SELECT CAST(DATE '2001-08-22' AS TIMESTAMP)", ts('2001-08-22 00:00:00'), 'timestamp'],
  ["SELECT CAST(DATE '2001-08-22' AS VARCHAR)", '2001-08-22', 'varchar'],
  ["SELECT CAST(CAST('9223372036854775807' AS BIGINT) AS VARCHAR)", '9223372036854775807', 'varchar'],
  ["SELECT CAST('9223372036854775807' AS BIGINT)", 9223372036854775807n, 'bigint'],
  ["SELECT CAST('9223372036854775808' AS BIGINT)", fails('Out of range for bigint')],
  ['SELECT typeof(123)', 'integer', 'varchar'],
  ["SELECT format('%s%%', 123)", '123%', 'varchar'],
  ["SELECT format('%03d', 8)", '008', 'varchar'],
  ['SELECT format_number(123456)', '123K', 'varchar'],
  ["SELECT parse_data_size('1kB')", '1024', 'decimal(38,0)'],
  ["SELECT date('2020-05-11')", '2020-05-11', 'date'],
]);

// json.md, "Cast to JSON" / "Cast from JSON".
const json = casesFrom('json.md', [
  ['SELECT CAST(1 AS JSON)', 1, 'json'],
  ["SELECT CAST('abc' AS JSON)", 'abc', 'json'],
  ['SELECT CAST(ARRAY[1, 23, 456] AS JSON)', [1, 23, 456], 'json'],
  ['SELECT CAST(ARRAY[1, NULL, 456] AS JSON)', [1, null, 456], 'json'],
  [
    "SELECT CAST(MAP(ARRAY['k1', 'k2', 'k3'], ARRAY[1, 23, 456]) AS JSON)",
    { k1: 1, k2: 23, k3: 456 },
    'json',
  ],
  ["SELECT CAST(JSON '1' AS INTEGER)", 1, 'integer'],
  ['SELECT CAST(JSON \'"abc"\' AS VARCHAR)', 'abc', 'varchar'],
  ["SELECT CAST(JSON 'true' AS BOOLEAN)", true, 'boolean'],
  ["SELECT CAST(JSON '1.234' AS DOUBLE)", 1.234, 'double'],
  ["SELECT CAST(JSON 'null' AS VARCHAR)", null, 'varchar'],
  ["SELECT CAST(JSON '[1,23,456]' AS ARRAY(INTEGER))", [1, 23, 456], 'array(integer)'],
  ["SELECT CAST(JSON '[[1,23],[456]]' AS ARRAY(ARRAY(INTEGER)))", [[1, 23], [456]], 'array(array(integer))'],
  [
    'SELECT CAST(JSON \'{"k1":1,"k2":23,"k3":456}\' AS MAP(VARCHAR, INTEGER))',
    { k1: 1, k2: 23, k3: 456 },
    'map(varchar, integer)',
  ],
]);

export const casts: ConformanceCase[] = [...conversion, ...json];
