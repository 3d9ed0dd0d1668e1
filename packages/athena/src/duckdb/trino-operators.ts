// Macros named after DuckDB's operators shadow them (the built-ins stay reachable as system.main."op"),
// and the trino_cast_* macros receive the CASTs trino-casts.ts rewrites. Each chooses Trino's meaning
// by operand type; `typeof` is a constant, so DuckDB folds the choice away at bind time.
const FLOATING = "('DOUBLE', 'FLOAT')";

/**
 * Fails at run time with `message`, typed like `witness`, by casting the message to that type:
 * DuckDB's error() is volatile and its try() refuses volatile functions (Trino's try gives NULL).
 *
 * @example failWith('Division by zero', 'x') // "cast_to_type('Division by zero', x)"
 */
export function failWith(message: string, witness = '0'): string {
  return `cast_to_type('${message}', ${witness})`;
}
const EXACT = (a: string, b: string) => `typeof(${a}) NOT IN ${FLOATING} AND typeof(${b}) NOT IN ${FLOATING}`;

// Trino fails on an exact (integer, decimal) division or remainder by zero; doubles follow IEEE 754.
// DuckDB gives NULL for both. With integer_division set, `/` reaches DuckDB as `//`.
const IEEE_DIVISION_BY_ZERO =
  "CASE WHEN a = 0 OR isnan(CAST(a AS DOUBLE)) THEN CAST('NaN' AS DOUBLE) WHEN (a > 0) = (CAST(b AS VARCHAR) NOT LIKE '-%') THEN CAST('Infinity' AS DOUBLE) ELSE CAST('-Infinity' AS DOUBLE) END";

function byZero(op: string, floating: string): string {
  const builtin = `system.main.${op}(a, b)`;
  return `(a, b) AS CASE WHEN b <> 0 OR b IS NULL OR a IS NULL THEN ${builtin} WHEN ${EXACT('a', 'b')} THEN ${failWith('Division by zero', builtin)} ELSE cast_to_type(${floating}, ${builtin}) END`;
}

// Trino rounds a double half away from zero when casting it to an integer type; DuckDB half to even.
function integerCasts(target: string): string[] {
  return ['CAST', 'TRY_CAST'].map(
    (cast) =>
      `trino_${cast.toLowerCase()}_${target}(x) AS CASE WHEN typeof(x) IN ${FLOATING} THEN ${cast}(round(TRY_CAST(x AS DOUBLE)) AS ${target}) ELSE ${cast}(x AS ${target}) END`,
  );
}

// Trino prints doubles and reals with the shortest round-trip digits in scientific notation
// (1.5E0, 1.2E3, 0E0); DuckDB prints the same digits positionally (1.5, 1200.0, 1e-05). A macro is
// bound when created, so helpers come first.
const DOUBLE_TEXT_MACROS: readonly string[] = [
  "trino_scientific_text(sign, d, e) AS sign || left(d, 1) || CASE WHEN len(d) > 1 THEN '.' || substr(d, 2) ELSE '' END || 'E' || CAST(e AS VARCHAR)",
  `trino_scientific_digits(sign, d, e) AS CASE WHEN ltrim(d, '0') = '' THEN sign || '0E0' ELSE trino_scientific_text(sign, rtrim(ltrim(d, '0'), '0'), system.main."-"(e, system.main."-"(len(d), len(ltrim(d, '0'))))) END`,
  // mantissa m = 'int.frac' with the point after len(int) digits: digits and exponent of d.ddd form.
  `trino_scientific(sign, m, e) AS trino_scientific_digits(sign, replace(m, '.', ''), system.main."-"(system.main."+"(e, len(split_part(m, '.', 1))), 1))`,
  "trino_double_text(s) AS CASE s WHEN 'nan' THEN 'NaN' WHEN 'inf' THEN 'Infinity' WHEN '-inf' THEN '-Infinity' ELSE trino_scientific(CASE WHEN s LIKE '-%' THEN '-' ELSE '' END, split_part(ltrim(s, '-'), 'e', 1), coalesce(TRY_CAST(split_part(s, 'e', 2) AS INTEGER), 0)) END",
];

// Trino casts a JSON scalar to its value (a JSON string without quotes, JSON null to NULL) and fails
// on an array or object; a VARCHAR cast to JSON becomes a JSON string, it is not parsed.
function textCasts(): string[] {
  return [
    ['CAST', `CAST(${failWith('Cannot cast a JSON array or object to VARCHAR')} AS VARCHAR)`],
    ['TRY_CAST', 'NULL'],
  ].flatMap(([cast, onContainer]) => {
    const lower = (cast as string).toLowerCase();
    const json = `CASE WHEN json_type(CAST(x AS VARCHAR)) IN ('ARRAY', 'OBJECT') THEN ${onContainer} ELSE json_extract_string(CAST(x AS VARCHAR), '$') END`;
    return [
      `trino_${lower}_varchar(x) AS CASE typeof(x) WHEN 'DOUBLE' THEN trino_double_text(CAST(x AS VARCHAR)) WHEN 'FLOAT' THEN trino_double_text(CAST(x AS VARCHAR)) WHEN 'JSON' THEN ${json} ELSE ${cast}(x AS VARCHAR) END`,
      `trino_${lower}_json(x) AS CASE WHEN typeof(x) = 'VARCHAR' THEN to_json(CAST(x AS VARCHAR)) ELSE ${cast}(x AS JSON) END`,
    ];
  });
}

/** `CREATE MACRO` bodies for Trino's cast semantics (see trino-macros.ts). */
export const CAST_MACROS: readonly string[] = [
  ...['tinyint', 'smallint', 'integer', 'bigint'].flatMap(integerCasts),
  ...DOUBLE_TEXT_MACROS,
  ...textCasts(),
];

/**
 * `CREATE MACRO` bodies shadowing DuckDB's division operators. Each has one untyped overload: DuckDB
 * cannot choose among typed overloads when an argument is an aggregate.
 */
export const OPERATOR_MACROS: readonly string[] = [
  `"//"${byZero('"//"', IEEE_DIVISION_BY_ZERO)}`,
  `"%"${byZero('"%"', "CAST('NaN' AS DOUBLE)")}`,
  `mod${byZero('mod', "CAST('NaN' AS DOUBLE)")}`,
];
