import { type ConformanceCase, casesFrom } from './conformance-case.js';

const N = 'FROM (VALUES (1), (2), (3), (NULL)) AS t(x)';
const PEOPLE = "FROM (VALUES ('a', 1), ('b', 3), ('c', 2)) AS t(name, score)";
const SPREAD = 'FROM (VALUES (2), (4), (4), (4), (5), (5), (7), (9)) AS t(x)'; // mean 5, variance 4

// aggregate.md: count and sum of integers are bigint, avg is double, nulls are ignored (count(*)
// and approx_distinct excepted); approximate functions are exact on small inputs.
export const aggregates: ConformanceCase[] = casesFrom('aggregate.md', [
  [`SELECT count(*) ${N}`, 4, 'bigint'],
  [`SELECT count(x) ${N}`, 3, 'bigint'],
  [`SELECT count(DISTINCT x) FROM (VALUES (1), (1), (2)) AS t(x)`, 2, 'bigint'],
  [`SELECT count_if(x > 1) ${N}`, 2, 'bigint'],
  [`SELECT sum(x) ${N}`, 6, 'bigint'],
  [`SELECT sum(CAST(x AS BIGINT)) ${N}`, 6, 'bigint'],
  [`SELECT sum(CAST(x AS DOUBLE)) ${N}`, 6, 'double'],
  ['SELECT sum(x) FROM (VALUES (1.5), (2.25)) AS t(x)', '3.75', 'decimal(38,2)'],
  ['SELECT sum(x) FROM (VALUES (CAST(NULL AS INTEGER))) AS t(x)', null, 'bigint'],
  [`SELECT avg(x) ${N}`, 2, 'double'],
  ['SELECT avg(x) FROM (VALUES (1), (2)) AS t(x)', 1.5, 'double'],
  ['SELECT avg(x) FROM (VALUES (1.5), (2.5)) AS t(x)', '2.0', 'decimal(2,1)'],
  [`SELECT min(x) ${N}`, 1, 'integer'],
  [`SELECT max(x) ${N}`, 3, 'integer'],
  ["SELECT max(x) FROM (VALUES ('apple'), ('pear')) AS t(x)", 'pear', 'varchar'],
  [`SELECT max(x, 2) ${N}`, [3, 2], 'array(integer)'],
  [`SELECT max_by(name, score) ${PEOPLE}`, 'b', 'varchar'],
  [`SELECT min_by(name, score) ${PEOPLE}`, 'a', 'varchar'],
  [`SELECT max_by(name, score, 2) ${PEOPLE}`, ['b', 'c'], 'array(varchar)'],
  ['SELECT arbitrary(x) FROM (VALUES (7), (7)) AS t(x)', 7, 'integer'],
  ['SELECT any_value(x) FROM (VALUES (NULL), (7)) AS t(x)', 7, 'integer'],
  [`SELECT array_agg(x ORDER BY x DESC) FROM (VALUES (1), (3), (2)) AS t(x)`, [3, 2, 1], 'array(integer)'],
  [`SELECT array_agg(x ORDER BY x) ${N}`, [1, 2, 3, null], 'array(integer)'],
  [`SELECT bool_and(x > 0) ${N}`, true, 'boolean'],
  [`SELECT bool_or(x > 2) ${N}`, true, 'boolean'],
  [`SELECT every(x > 1) ${N}`, false, 'boolean'],
  ['SELECT approx_distinct(x) FROM (VALUES (1), (2), (3), (3)) AS t(x)', 3, 'bigint'],
  ['SELECT approx_distinct(x) FROM (VALUES (CAST(NULL AS INTEGER))) AS t(x)', 0, 'bigint'],
  ['SELECT approx_percentile(x, 0.5) FROM (VALUES (1), (2), (3), (4), (5)) AS t(x)', 3, 'integer'],
  [
    'SELECT approx_percentile(x, ARRAY[0.0, 1.0]) FROM (VALUES (1), (2), (3), (4), (5)) AS t(x)',
    [1, 5],
    'array(integer)',
  ],
  ['SELECT approx_percentile(x, 2, 0.5) FROM (VALUES (1), (2), (3)) AS t(x)', 2, 'integer'],
  ["SELECT histogram(x) FROM (VALUES ('a'), ('b'), ('a')) AS t(x)", { a: 2, b: 1 }, 'map(varchar, bigint)'],
  [
    "SELECT map_agg(k, v) FROM (VALUES ('a', 1), ('b', 2)) AS t(k, v)",
    { a: 1, b: 2 },
    'map(varchar, integer)',
  ],
  [
    "SELECT multimap_agg(k, v) FROM (VALUES ('a', 1), ('a', 2)) AS t(k, v)",
    { a: [1, 2] },
    'map(varchar, array(integer))',
  ],
  [`SELECT stddev(x) ${SPREAD}`, 2.138089935299395, 'double'],
  [`SELECT stddev_pop(x) ${SPREAD}`, 2, 'double'],
  [`SELECT var_pop(x) ${SPREAD}`, 4, 'double'],
  ['SELECT geometric_mean(x) FROM (VALUES (1), (4)) AS t(x)', 2, 'double'],
  ['SELECT corr(y, x) FROM (VALUES (1, 2), (2, 4), (3, 6)) AS t(x, y)', 1, 'double'],
  [
    "SELECT listagg(x, ',') WITHIN GROUP (ORDER BY x) FROM (VALUES ('a'), ('c'), ('b')) AS t(x)",
    'a,b,c',
    'varchar',
  ],
  ['SELECT count(*) FILTER (WHERE x > 1) FROM (VALUES (1), (2), (3)) AS t(x)', 2, 'bigint'],
  ['SELECT numeric_histogram(2, x) FROM (VALUES (1), (2)) AS t(x)', { 1: 1, 2: 1 }, 'map(double, double)'],
  ['SELECT checksum(x) FROM (VALUES (1)) AS t(x)', new Uint8Array(8), 'varbinary'],
]);
