import { AVG_MACROS } from './trino-avg.js';
import { INTERVAL_MACROS } from './trino-intervals.js';
import { CAST_MACROS, OPERATOR_MACROS } from './trino-operators.js';

// Each macro gives a Trino/Athena function its Trino meaning on DuckDB. Macros created in the `main`
// schema shadow DuckDB's built-ins of the same name (date_add, date_diff), which is intended: queries
// on this engine are Athena queries. Formats of date_format/date_parse are already strftime formats
// when they reach these macros (see trino-rewrite.ts).
const INTERVAL = "CAST(CAST(n AS VARCHAR) || ' ' || unit AS INTERVAL)";

// Trino returns NULL when any argument is NULL (DuckDB's versions skip NULLs); one overload per arity.
function nullIfAnyNull(name: string, body: (args: string[]) => string, arities: number[]): string {
  const overloads = arities.map((n) => {
    const args = Array.from({ length: n }, (_, i) => `a${i}`);
    const anyNull = args.map((a) => `${a} IS NULL`).join(' OR ');
    return `(${args.join(', ')}) AS CASE WHEN ${anyNull} THEN NULL ELSE ${body(args)} END`;
  });
  return `${name}${overloads.join(', ')}`;
}

const ARITIES = [2, 3, 4, 5, 6, 7, 8];

// Java's replacement syntax ($g for a group, \x for a literal x) in RE2's (\g, \\ for a backslash).
const JAVA_REPLACEMENT = `array_to_string(list_transform(regexp_extract_all(r, '\\\\.|\\$\\d|[^\\\\$]+|.', 0), lambda t: CASE WHEN t[1] = '\\' THEN replace(t[2], '\\', '\\\\') WHEN t[1] = '$' AND length(t) = 2 THEN '\\' || t[2] ELSE replace(t, '\\', '\\\\') END), '')`;

const MACROS: readonly string[] = [
  'date_parse(s, f) AS strptime(s, f)',
  'date_format(t, f) AS strftime(t, f)',
  'from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)',
  // ISO 8601 also writes dates as week dates (2020-W10) and ordinal dates (2020-123).
  "from_iso8601_date(s) AS CASE WHEN regexp_matches(s, '^\\d{4}-W\\d{2}$') THEN CAST(strptime(s || '-1', '%G-W%V-%u') AS DATE) WHEN regexp_matches(s, '^\\d{4}-\\d{3}$') THEN CAST(strptime(s, '%Y-%j') AS DATE) ELSE CAST(s AS DATE) END",
  "to_iso8601(t DATE) AS strftime(t, '%Y-%m-%d'), (t TIMESTAMP) AS strftime(t, '%Y-%m-%dT%H:%M:%S.%g'), (t TIMESTAMPTZ) AS strftime(CAST(t AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ')",
  // Trino counts whole units elapsed; DuckDB's date_diff counts boundaries crossed, date_sub elapsed.
  'date_diff(unit, a, b) AS date_sub(unit, a, b)',
  `date_add(unit, n, d DATE) AS CAST(d + ${INTERVAL} AS DATE), (unit, n, d TIMESTAMP) AS d + ${INTERVAL}, (unit, n, d TIMESTAMPTZ) AS d + ${INTERVAL}`,
  // Trino's date_trunc keeps the type of its input: a DATE stays a DATE.
  'date_trunc(unit, d DATE) AS CAST(system.main.date_trunc(unit, d) AS DATE), (unit, d TIMESTAMP) AS system.main.date_trunc(unit, d), (unit, d TIMESTAMPTZ) AS system.main.date_trunc(unit, d)',
  'day_of_week(d) AS isodow(d)',
  'dow(d) AS isodow(d)',
  'day_of_month(d) AS dayofmonth(d)',
  'day_of_year(d) AS dayofyear(d)',
  'doy(d) AS dayofyear(d)',
  'week_of_year(d) AS weekofyear(d)',
  'year_of_week(d) AS isoyear(d)',
  'yow(d) AS isoyear(d)',
  // DuckDB's millisecond() counts the seconds too.
  'millisecond(t) AS system.main.millisecond(t) % 1000',
  'last_day_of_month(d) AS last_day(d)',
  'to_unixtime(t) AS epoch(t)',
  'from_unixtime(n) AS to_timestamp(CAST(n AS DOUBLE))',
  "current_timezone() AS current_setting('TimeZone')",
  'approx_distinct(x) AS approx_count_distinct(x)',
  'approx_percentile(x, p) AS approx_quantile(x, p)',
  'every(x) AS bool_and(x)',
  'map_agg(k, v) AS map_from_entries(list(row(k, v)))',
  'regexp_like(s, p) AS regexp_matches(s, p)',
  // Trino replaces every match and writes groups as $g; DuckDB replaces the first unless told 'g'.
  `regexp_replace(s, p) AS system.main.regexp_replace(s, p, '', 'g'), (s, p, r) AS system.main.regexp_replace(s, p, ${JAVA_REPLACEMENT}, 'g')`,
  // Trino gives NULL when nothing matches; DuckDB an empty string.
  'regexp_extract(s, p) AS CASE WHEN regexp_matches(s, p) THEN system.main.regexp_extract(s, p) END, (s, p, g) AS CASE WHEN regexp_matches(s, p) THEN system.main.regexp_extract(s, p, g) END',
  'regexp_count(s, p) AS CAST(len(regexp_extract_all(s, p)) AS BIGINT)',
  'regexp_split(s, p) AS string_split_regex(s, p)',
  nullIfAnyNull('greatest', (a) => `system.main.greatest(${a.join(', ')})`, ARITIES),
  nullIfAnyNull('least', (a) => `system.main.least(${a.join(', ')})`, ARITIES),
  // Trino's concat is NULL when an argument is; `||` is too, for strings and arrays alike.
  `concat${ARITIES.map((n) => Array.from({ length: n }, (_, i) => `a${i}`))
    .map((a) => `(${a.join(', ')}) AS ${a.join(' || ')}`)
    .join(', ')}`,
  `concat_ws(sep, a VARCHAR[]) AS array_to_string(a, sep), ${ARITIES.map((n) => `(sep, ${Array.from({ length: n - 1 }, (_, i) => `a${i}`).join(', ')}) AS system.main.concat_ws(sep, ${Array.from({ length: n - 1 }, (_, i) => `a${i}`).join(', ')})`).join(', ')}`,
  "replace(s, x) AS system.main.replace(s, x, ''), (s, x, r) AS system.main.replace(s, x, r)",
  'split_part(s, d, i) AS CASE WHEN i > len(string_split(s, d)) THEN NULL ELSE system.main.split_part(s, d, i) END',
  // Trino's substr from position 0 is empty.
  "substr(s, i) AS CASE WHEN i = 0 THEN '' ELSE system.main.substr(s, i) END, (s, i, n) AS CASE WHEN i = 0 THEN '' ELSE system.main.substr(s, i, n) END",
  "substring(s, i) AS CASE WHEN i = 0 THEN '' ELSE system.main.substring(s, i) END, (s, i, n) AS CASE WHEN i = 0 THEN '' ELSE system.main.substring(s, i, n) END",
  'sign(x INTEGER) AS CAST(system.main.sign(x) AS INTEGER), (x BIGINT) AS CAST(system.main.sign(x) AS BIGINT), (x DOUBLE) AS CAST(system.main.sign(x) AS DOUBLE)',
  'to_base(x, r) AS lower(system.main.to_base(x, r))',
  'hamming_distance(a, b) AS hamming(a, b)',
  // Trino's arrays and maps: element_at is 1-based and NULL out of range (lists), the value or NULL (maps).
  'element_at(c, k) AS c[k]',
  'array_join(a, sep) AS array_to_string(a, sep), (a, sep, nulls) AS array_to_string(list_transform(a, lambda v: coalesce(CAST(v AS VARCHAR), nulls)), sep)',
  'array_max(a) AS CASE WHEN list_contains(list_transform(a, lambda v: v IS NULL), true) THEN NULL ELSE list_max(a) END',
  'array_min(a) AS CASE WHEN list_contains(list_transform(a, lambda v: v IS NULL), true) THEN NULL ELSE list_min(a) END',
  // First occurrences, in order (DuckDB's list_distinct reorders and drops NULL).
  'array_distinct(a) AS list_filter(a, lambda v, i: list_position(a, v) = i)',
  'array_union(a, b) AS array_distinct(list_concat(a, b))',
  'array_except(a, b) AS list_filter(array_distinct(a), lambda v: NOT list_contains(b, v))',
  'array_position(a, x) AS CAST(coalesce(list_position(a, x), 0) AS BIGINT)',
  'array_remove(a, x) AS list_filter(a, lambda v: v IS DISTINCT FROM x)',
  'arrays_overlap(a, b) AS list_has_any(a, b)',
  // Trino's cardinality() takes arrays; DuckDB's takes maps only.
  'cardinality(a) AS array_length(a)',
  'repeat(x, n) AS list_transform(range(n), lambda i: x)',
  'reverse(s VARCHAR) AS system.main.reverse(s), (a) AS list_reverse(a)',
  'sequence(a, b) AS CASE WHEN a <= b THEN generate_series(a, b) ELSE generate_series(a, b, -1) END, (a, b, step) AS generate_series(a, b, step)',
  'slice(a, start, n) AS list_slice(a, start, start + n - 1)',
  'trim_array(a, n) AS list_slice(a, 1, len(a) - n)',
  // Trino returns NULL when the value at the path is an object or array, not its JSON text.
  "json_extract_scalar(j, p) AS CASE WHEN json_type(j, p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(j, p) END",
  'json_parse(s) AS json(s)',
  // Trino's JSON text is compact; json() minifies.
  'json_format(j) AS CAST(json(j) AS VARCHAR)',
  "json_size(j, p) AS CASE json_type(j, p) WHEN 'ARRAY' THEN CAST(json_array_length(j, p) AS BIGINT) WHEN 'OBJECT' THEN CAST(len(json_keys(j, p)) AS BIGINT) ELSE 0 END",
  'json_array_length(j) AS CAST(system.main.json_array_length(j) AS BIGINT), (j, p) AS CAST(system.main.json_array_length(j, p) AS BIGINT)',
  'json_array_contains(j, v) AS list_contains(from_json(j, \'["json"]\'), to_json(v))',
  "is_json_scalar(j) AS json_type(json(j)) NOT IN ('OBJECT', 'ARRAY')",
  'levenshtein_distance(a, b) AS levenshtein(a, b)',
  'codepoint(s) AS unicode(s)',
  'to_utf8(s) AS encode(s)',
  'from_utf8(b) AS decode(b)',
  'is_nan(x) AS isnan(x)',
  'is_finite(x) AS isfinite(x)',
  "nan() AS CAST('NaN' AS DOUBLE)",
  "infinity() AS CAST('Infinity' AS DOUBLE)",
  'truncate(x) AS trunc(x)',
  "url_extract_host(u) AS regexp_extract(u, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)', 1)",
];

// Trino divides integers as integers (5 / 2 = 2, truncating); DuckDB's `/` gives a double unless told.
const SETTINGS: readonly string[] = ['SET GLOBAL integer_division = true'];

/**
 * The statements the DuckDB engine runs once per database so Athena SQL runs as is: Trino's
 * settings, then the `CREATE MACRO` statements.
 *
 * @example for (const statement of trinoMacroStatements()) await connection.run(statement);
 */
export function trinoMacroStatements(): string[] {
  return [
    ...SETTINGS,
    ...[...MACROS, ...CAST_MACROS, ...INTERVAL_MACROS, ...AVG_MACROS, ...OPERATOR_MACROS].map(
      (macro) => `CREATE OR REPLACE MACRO ${macro}`,
    ),
  ];
}
