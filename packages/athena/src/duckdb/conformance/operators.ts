import { type ConformanceCase, casesFrom, fails } from './conformance-case.js';

// Arithmetic: integer division truncates, `%` keeps the dividend's sign, overflow and division by
// zero fail (math.md, "Mathematical operators").
const arithmetic = casesFrom('math.md', [
  ['SELECT 5 / 2', 2, 'integer'],
  ['SELECT -5 / 2', -2, 'integer'],
  ['SELECT 5 / -2', -2, 'integer'],
  ['SELECT 7 / 7', 1, 'integer'],
  ["SELECT BIGINT '9' / 2", 4, 'bigint'],
  ['SELECT 9223372036854775807 / 2', 4611686018427387903n, 'bigint'],
  ['SELECT 5e0 / 2', 2.5, 'double'],
  ['SELECT 1e0 / 4', 0.25, 'double'],
  ['SELECT 5 % 2', 1, 'integer'],
  ['SELECT -5 % 2', -1, 'integer'],
  ['SELECT 5 % -2', 1, 'integer'],
  ['SELECT mod(-10, 3)', -1, 'integer'],
  ['SELECT mod(10, 3)', 1, 'integer'],
  ['SELECT 2 + 3 * 4', 14, 'integer'],
  ['SELECT (2 + 3) * 4', 20, 'integer'],
  ['SELECT 10 - 4 - 3', 3, 'integer'],
  ['SELECT 0.1 + 0.2', '0.3', 'decimal(2,1)'],
  ["SELECT BIGINT '2147483647' + 1", 2147483648, 'bigint'],
  ['SELECT 2147483647 + 1', fails('integer addition overflow')],
  ['SELECT 2147483647 * 2', fails('integer multiplication overflow')],
  ['SELECT 9223372036854775807 + 1', fails('bigint addition overflow')],
  ['SELECT 1 / 0', fails('Division by zero')],
  ['SELECT 5 % 0', fails('Division by zero')],
  // A NULL operand gives NULL before any division happens, divisor zero or not.
  ['SELECT CAST(NULL AS DOUBLE) / 0', null, 'double'],
  ['SELECT CAST(NULL AS INTEGER) / 0', null, 'integer'],
  ['SELECT CAST(NULL AS BIGINT) % 0', null, 'bigint'],
  ['SELECT abs(-5)', 5, 'integer'],
  ['SELECT abs(-5.5e0)', 5.5, 'double'],
  ['SELECT ceil(1.2e0)', 2, 'double'],
  ['SELECT floor(-1.2e0)', -2, 'double'],
  ['SELECT round(2.567e0, 2)', 2.57, 'double'],
  ['SELECT sqrt(16)', 4, 'double'],
  ['SELECT power(2, 10)', 1024, 'double'],
  ['SELECT sign(-3)', -1, 'integer'],
  ['SELECT truncate(-2.7e0)', -2, 'double'],
  ['SELECT ln(1)', 0, 'double'],
  ['SELECT log10(1000)', 3, 'double'],
  ['SELECT log2(8)', 3, 'double'],
  ['SELECT is_nan(nan())', true, 'boolean'],
  ['SELECT is_finite(infinity())', false, 'boolean'],
  ["SELECT from_base('ff', 16)", 255, 'bigint'],
  ['SELECT to_base(255, 16)', 'ff', 'varchar'],
]);

// comparison.md: BETWEEN, IS [NOT] DISTINCT FROM, GREATEST/LEAST (null if any argument is null),
// quantified comparisons and LIKE.
const comparison = casesFrom('comparison.md', [
  ['SELECT 3 BETWEEN 2 AND 6', true, 'boolean'],
  ['SELECT 3 NOT BETWEEN 2 AND 6', false, 'boolean'],
  ['SELECT NULL BETWEEN 2 AND 4', null, 'boolean'],
  ['SELECT 2 BETWEEN 3 AND NULL', false, 'boolean'],
  ['SELECT 8 BETWEEN NULL AND 6', false, 'boolean'],
  ["SELECT 'Paul' BETWEEN 'John' AND 'Ringo'", true, 'boolean'],
  ['SELECT NULL IS NULL', true, 'boolean'],
  ['SELECT 3.0 IS NULL', false, 'boolean'],
  ['SELECT NULL IS DISTINCT FROM NULL', false, 'boolean'],
  ['SELECT NULL IS NOT DISTINCT FROM NULL', true, 'boolean'],
  ['SELECT 1 IS DISTINCT FROM NULL', true, 'boolean'],
  ['SELECT greatest(1, 5, 3)', 5, 'integer'],
  ['SELECT least(1, 5, 3)', 1, 'integer'],
  ['SELECT greatest(1, NULL, 3)', null, 'integer'],
  ['SELECT least(4, NULL)', null, 'integer'],
  ["SELECT 'hello' = ANY (VALUES ('hello'), ('world'))", true, 'boolean'],
  ['SELECT 21 < ALL (VALUES (19), (20), (21))', false, 'boolean'],
  ['SELECT 42 >= SOME (SELECT 41 UNION ALL SELECT 42 UNION ALL SELECT 43)', true, 'boolean'],
  ["SELECT 'South_America' LIKE 'South\\_America' ESCAPE '\\'", true, 'boolean'],
  ["SELECT 'Europe' LIKE 'E%'", true, 'boolean'],
  ["SELECT 'Asia' LIKE 'A__a'", true, 'boolean'],
  ["SELECT 'Asia' LIKE 'a%'", false, 'boolean'],
  ["SELECT 'America' NOT LIKE 'E%'", true, 'boolean'],
  ['SELECT 3 IN (1, 2, 3)', true, 'boolean'],
  ['SELECT 4 NOT IN (1, 2, 3)', true, 'boolean'],
]);

// conditional.md and logical.md: CASE, IF, COALESCE, NULLIF, TRY, three-valued logic.
const conditional = casesFrom('conditional.md', [
  ["SELECT CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END", 'two', 'varchar'],
  ["SELECT CASE WHEN 1 = 2 THEN 'aaa' ELSE 'ccc' END", 'ccc', 'varchar'],
  ["SELECT if(1 > 0, 'yes', 'no')", 'yes', 'varchar'],
  ["SELECT if(1 < 0, 'yes')", null, 'varchar'],
  ['SELECT coalesce(NULL, 2, 3)', 2, 'integer'],
  ['SELECT nullif(1, 1)', null, 'integer'],
  ['SELECT nullif(1, 2)', 1, 'integer'],
  ["SELECT try(CAST('94131' AS BIGINT))", 94131, 'bigint'],
  ["SELECT coalesce(try(CAST('P332a' AS BIGINT)), 0)", 0, 'bigint'],
  ['SELECT coalesce(try(155 / 0), 0)', 0, 'integer'],
]);

const logical = casesFrom('logical.md', [
  ['SELECT true AND NULL', null, 'boolean'],
  ['SELECT false AND NULL', false, 'boolean'],
  ['SELECT true OR NULL', true, 'boolean'],
  ['SELECT NOT CAST(NULL AS BOOLEAN)', null, 'boolean'],
]);

export const operators: ConformanceCase[] = [...arithmetic, ...comparison, ...conditional, ...logical];
