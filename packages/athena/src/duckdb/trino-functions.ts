/**
 * Trino/Athena functions DuckDB lacks and the compatibility macros do not provide. A query that calls
 * one fails before it is sent, with an error naming the function.
 */
export const UNSUPPORTED_TRINO_FUNCTIONS: ReadonlySet<string> = new Set([
  'approx_set',
  'empty_approx_set',
  'merge',
  'make_set_digest',
  'merge_set_digest',
  'tdigest_agg',
  'qdigest_agg',
  'value_at_quantile',
  'values_at_quantiles',
  'numeric_histogram',
  'multimap_agg',
  'map_union',
  'map_union_sum',
  'format_datetime',
  'parse_datetime',
  'parse_duration',
  'human_readable_seconds',
  'at_timezone',
  'with_timezone',
  'timezone_hour',
  'timezone_minute',
  'word_stem',
  'classify',
  'learn_classifier',
  'learn_regressor',
  'regress',
  'features',
  'st_point',
  'st_geometryfromtext',
  'st_contains',
  'st_distance',
  'st_intersects',
  'to_spherical_geography',
  'bing_tile',
  'bing_tile_at',
  'geometry_from_hadoop_shape',
  'from_geojson_geometry',
  'ngrams',
  'hmac_sha256',
  'xxhash64',
  'spooky_hash_v2_64',
]);

/**
 * Functions whose argument at `formatArg` (0-based) is a Trino date format that must be rewritten into
 * a DuckDB strftime format before the SQL is sent.
 */
export const DATE_FORMAT_FUNCTIONS: Readonly<Record<string, number>> = {
  date_format: 1,
  date_parse: 1,
};
