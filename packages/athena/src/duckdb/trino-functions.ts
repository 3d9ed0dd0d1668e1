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
  // No DuckDB equivalent with Trino's semantics (DuckDB's format() is fmt-style and would answer).
  'format',
  'format_number',
  'parse_data_size',
  'typeof',
  'from_base',
  'luhn_check',
  'normalize',
  'overlay',
  'split_to_map',
  'split_to_multimap',
  'regexp_position',
  'reduce',
  'zip',
  'zip_with',
  'combinations',
  'all_match',
  'any_match',
  'none_match',
  'contains_sequence',
  'map_filter',
  'map_zip_with',
  'transform_keys',
  'transform_values',
  'multimap_from_entries',
  'json_array_get',
  'listagg',
  'checksum',
]);

/** Functions whose Trino overload with this many arguments has no DuckDB equivalent. */
export const UNSUPPORTED_TRINO_ARITIES: Readonly<Record<string, readonly number[]>> = {
  strpos: [3],
  split: [3],
  approx_percentile: [3],
  approx_distinct: [2],
};

/** Functions refused when an argument is a lambda (`x -> …`): DuckDB's namesake takes none. */
export const UNSUPPORTED_LAMBDA_ARGUMENTS: ReadonlySet<string> = new Set(['regexp_replace', 'array_sort']);

/** Trino calls DuckDB knows under another name (same arguments, same meaning). */
export const RENAMED_TRINO_FUNCTIONS: Readonly<Record<string, string>> = {
  transform: 'list_transform',
};

/** Functions whose pattern argument (0-based index) is a Java regex, which RE2 runs only in part. */
export const REGEXP_PATTERN_ARGUMENT: Readonly<Record<string, number>> = {
  regexp_like: 1,
  regexp_extract: 1,
  regexp_extract_all: 1,
  regexp_replace: 1,
  regexp_count: 1,
  regexp_split: 1,
};

/** Constructs (not calls) refused by name: `AT TIME ZONE` converts the other way round in DuckDB. */
export const UNSUPPORTED_TRINO_CONSTRUCTS: ReadonlySet<string> = new Set(['at time zone']);

/**
 * Trino overloads DuckDB lacks that only the operand types reveal, so DuckDB's binder finds them:
 * each is refused by name when its binder error (`binderError`) comes back.
 */
export const UNSUPPORTED_TRINO_OVERLOADS: Readonly<Record<string, { binderError: RegExp; where: string }>> = {
  // DuckDB's || joins two arrays only; ARRAY[x] || ARRAY[y] works on both engines.
  '||': {
    binderError: /Cannot concatenate types (?:\S+\[\] and [^\s[\]]+|[^\s[\]]+ and \S+\[\]) -/,
    where: 'between an array and a single element; write ARRAY[…] || ARRAY[x]',
  },
  // The cardinality macro counts array elements (array_length, a function Trino lacks, so the error
  // can only come from it); cardinality(map_keys(m)) works on both engines.
  cardinality: {
    binderError: /argument types 'array_length\(MAP\(/,
    where: 'of a map; write cardinality(map_keys(m))',
  },
};

/**
 * The deliberate refusal a DuckDB binder error stands for, if any.
 *
 * @example overloadRefusal('Cannot concatenate types INTEGER[] and INTEGER') // { name: '||', where: … }
 */
export function overloadRefusal(message: string): { name: string; where: string } | undefined {
  const found = Object.entries(UNSUPPORTED_TRINO_OVERLOADS).find(([, o]) => o.binderError.test(message));
  return found && { name: found[0], where: found[1].where };
}

/**
 * Functions whose argument at `formatArg` (0-based) is a Trino date format that must be rewritten into
 * a DuckDB strftime format before the SQL is sent.
 */
export const DATE_FORMAT_FUNCTIONS: Readonly<Record<string, number>> = {
  date_format: 1,
  date_parse: 1,
};

/**
 * Whether the DuckDB backend refuses `name` on purpose (a listed function, overload or construct),
 * as opposed to a function it has never heard of.
 *
 * @example isDeliberatelyUnsupported('approx_set') // true
 */
export function isDeliberatelyUnsupported(name: string): boolean {
  const key = name.toLowerCase();
  return (
    UNSUPPORTED_TRINO_FUNCTIONS.has(key) ||
    key in UNSUPPORTED_TRINO_ARITIES ||
    UNSUPPORTED_LAMBDA_ARGUMENTS.has(key) ||
    key in REGEXP_PATTERN_ARGUMENT ||
    key in UNSUPPORTED_TRINO_OVERLOADS ||
    UNSUPPORTED_TRINO_CONSTRUCTS.has(key)
  );
}
