// Each macro gives a Trino/Athena function its Trino meaning on DuckDB. Macros created in the `main`
// schema shadow DuckDB's built-ins of the same name (date_add, date_diff), which is intended: queries
// on this engine are Athena queries. Formats of date_format/date_parse are already strftime formats
// when they reach these macros (see trino-rewrite.ts).
const INTERVAL = "CAST(CAST(n AS VARCHAR) || ' ' || unit AS INTERVAL)";

const MACROS: readonly string[] = [
  'date_parse(s, f) AS strptime(s, f)',
  'date_format(t, f) AS strftime(t, f)',
  'from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)',
  'from_iso8601_date(s) AS CAST(s AS DATE)',
  "to_iso8601(t) AS strftime(CAST(t AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ')",
  // Trino counts whole units elapsed; DuckDB's date_diff counts boundaries crossed, date_sub elapsed.
  'date_diff(unit, a, b) AS date_sub(unit, a, b)',
  `date_add(unit, n, d DATE) AS CAST(d + ${INTERVAL} AS DATE), (unit, n, d TIMESTAMP) AS d + ${INTERVAL}, (unit, n, d TIMESTAMPTZ) AS d + ${INTERVAL}`,
  'day_of_week(d) AS isodow(d)',
  'dow(d) AS isodow(d)',
  'day_of_month(d) AS dayofmonth(d)',
  'day_of_year(d) AS dayofyear(d)',
  'doy(d) AS dayofyear(d)',
  'week_of_year(d) AS weekofyear(d)',
  'year_of_week(d) AS isoyear(d)',
  'yow(d) AS isoyear(d)',
  'last_day_of_month(d) AS last_day(d)',
  'to_unixtime(t) AS epoch(t)',
  'from_unixtime(n) AS make_timestamp(CAST(round(CAST(n AS DOUBLE) * 1000000) AS BIGINT))',
  "current_timezone() AS current_setting('TimeZone')",
  'approx_distinct(x) AS approx_count_distinct(x)',
  'approx_percentile(x, p) AS approx_quantile(x, p)',
  'regexp_like(s, p) AS regexp_matches(s, p)',
  'array_join(a, sep) AS array_to_string(a, sep), (a, sep, nulls) AS array_to_string(list_transform(a, lambda v: coalesce(CAST(v AS VARCHAR), nulls)), sep)',
  'array_max(a) AS list_max(a)',
  'array_min(a) AS list_min(a)',
  // Trino's cardinality() takes arrays; DuckDB's takes maps only.
  'cardinality(a) AS len(a)',
  // Trino returns NULL when the value at the path is an object or array, not its JSON text.
  "json_extract_scalar(j, p) AS CASE WHEN json_type(j, p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(j, p) END",
  'json_parse(s) AS CAST(s AS JSON)',
  'json_format(j) AS CAST(j AS VARCHAR)',
  'json_size(j, p) AS json_array_length(j, p)',
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

/**
 * The `CREATE MACRO` statements the DuckDB engine runs once per connection so Athena SQL runs as is.
 *
 * @example for (const statement of trinoMacroStatements()) await connection.run(statement);
 */
export function trinoMacroStatements(): string[] {
  return MACROS.map((macro) => `CREATE OR REPLACE MACRO ${macro}`);
}
