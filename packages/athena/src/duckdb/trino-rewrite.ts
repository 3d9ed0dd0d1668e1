import { trinoFormatToStrftime } from './date-format.js';
import { UnsupportedDateFormatError, UnsupportedFunctionError } from './errors.js';
import {
  callArguments,
  callOpenIndex,
  closeIndex,
  isTrivia,
  nextSignificant,
  positionOf,
  type SqlToken,
  stringLiteralValue,
  tokenizeSql,
  toStringLiteral,
} from './sql-tokens.js';
import { rewriteAverages } from './trino-avg.js';
import { rewriteCasts, rewriteDecimalLiterals } from './trino-casts.js';
import {
  DATE_FORMAT_FUNCTIONS,
  REGEXP_PATTERN_ARGUMENT,
  RENAMED_TRINO_FUNCTIONS,
  UNSUPPORTED_LAMBDA_ARGUMENTS,
  UNSUPPORTED_TRINO_ARITIES,
  UNSUPPORTED_TRINO_CONSTRUCTS,
  UNSUPPORTED_TRINO_FUNCTIONS,
} from './trino-functions.js';
import { rewriteIntervalArithmetic } from './trino-intervals.js';

/**
 * Prepares Athena (Trino) SQL for DuckDB: rewrites the string-literal formats of `date_format` and
 * `date_parse` into strftime formats, `ARRAY(T)` types into `T[]`, Trino's extract fields, 2-argument
 * `if` and renamed functions; refuses functions, overloads and constructs DuckDB cannot run with
 * Trino's meaning, naming them. Text inside string literals, quoted identifiers and comments is never
 * touched.
 *
 * @example
 * rewriteTrinoSql("SELECT date_format(ts, '%Y-%m-%d %H:%i') FROM t")
 * // "SELECT date_format(ts, '%Y-%m-%d %H:%M') FROM t"
 */
export function rewriteTrinoSql(sql: string): string {
  const tokens = tokenizeSql(sql);
  refuseConstructs(sql, tokens);
  rewriteArrayTypes(tokens);
  rewriteCasts(tokens);
  rewriteDecimalLiterals(tokens);
  tokens.forEach((token, index) => {
    const open = callOpenIndex(tokens, index);
    if (open === undefined) return;
    const name = token.text.toLowerCase();
    const refusal = refusalOf(tokens, open, name);
    if (refusal !== undefined) {
      const { line, column } = positionOf(sql, token.offset);
      throw new UnsupportedFunctionError(name, `line ${line}, column ${column}${refusal}`);
    }
    const formatArg = DATE_FORMAT_FUNCTIONS[name];
    if (formatArg !== undefined) rewriteFormatArgument(tokens, open, formatArg, name);
    if (name === 'if') padIf(tokens, open);
    if (name === 'extract') rewriteExtractField(tokens, open);
    token.text = RENAMED_TRINO_FUNCTIONS[name] ?? token.text;
  });
  rewriteIntervalArithmetic(tokens);
  rewriteAverages(tokens);
  return tokens.map((token) => token.text).join('');
}

/** Why a call cannot run with Trino's meaning (`''` for a whole function), or undefined when it can. */
function refusalOf(tokens: readonly SqlToken[], open: number, name: string): string | undefined {
  if (UNSUPPORTED_TRINO_FUNCTIONS.has(name)) return '';
  const args = callArguments(tokens, open).filter((arg) => arg.some((i) => !isTrivia(tokens[i])));
  if (UNSUPPORTED_TRINO_ARITIES[name]?.includes(args.length)) return `; with ${args.length} arguments`;
  if (UNSUPPORTED_LAMBDA_ARGUMENTS.has(name) && args.some((arg) => hasLambdaArrow(tokens, arg))) {
    return '; with a lambda argument';
  }
  const pattern = literalArgument(tokens, args[REGEXP_PATTERN_ARGUMENT[name] ?? -1]);
  if (pattern !== undefined && JAVA_ONLY_REGEX.test(pattern))
    return `; Java regex ${pattern} uses lookaround, which RE2 lacks`;
  return undefined;
}

const JAVA_ONLY_REGEX = /\(\?<?[=!]/;

function hasLambdaArrow(tokens: readonly SqlToken[], arg: readonly number[]): boolean {
  return arg.some((i, k) => tokens[i]?.text === '-' && tokens[arg[k + 1] as number]?.text === '>');
}

function literalArgument(
  tokens: readonly SqlToken[],
  arg: readonly number[] | undefined,
): string | undefined {
  const significant = (arg ?? []).filter((i) => !isTrivia(tokens[i]));
  const only = significant.length === 1 ? tokens[significant[0] as number] : undefined;
  return only?.kind === 'string' ? stringLiteralValue(only) : undefined;
}

function refuseConstructs(sql: string, tokens: readonly SqlToken[]): void {
  const words = tokens.filter((t) => !isTrivia(t));
  words.forEach((token, i) => {
    const phrase = words
      .slice(i, i + 3)
      .map((t) => t.text.toLowerCase())
      .join(' ');
    if (!UNSUPPORTED_TRINO_CONSTRUCTS.has(phrase)) return;
    const { line, column } = positionOf(sql, token.offset);
    throw new UnsupportedFunctionError(phrase.toUpperCase(), `line ${line}, column ${column}`);
  });
}

// Trino writes array types ARRAY(T), DuckDB T[]; innermost first, so ARRAY(ARRAY(T)) nests.
function rewriteArrayTypes(tokens: SqlToken[]): void {
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (tokens[i]?.kind !== 'word' || tokens[i]?.text.toLowerCase() !== 'array') continue;
    const open = nextSignificant(tokens, i);
    if (open === undefined || tokens[open]?.kind !== 'open') continue;
    const close = closeIndex(tokens, open);
    if (close === undefined) continue;
    (tokens[i] as SqlToken).text = '';
    (tokens[open] as SqlToken).text = '';
    (tokens[close] as SqlToken).text = '[]';
  }
}

// Trino's two-argument IF is NULL when the condition is not true; DuckDB needs the third argument.
function padIf(tokens: SqlToken[], open: number): void {
  const close = closeIndex(tokens, open);
  if (close !== undefined && callArguments(tokens, open).length === 2)
    (tokens[close] as SqlToken).text = ', NULL)';
}

// Trino's DOW is ISO (Monday 1 … Sunday 7); DuckDB's is Sunday 0, so map to isodow and friends.
const EXTRACT_FIELDS: Readonly<Record<string, string>> = {
  dow: 'isodow',
  day_of_week: 'isodow',
  doy: 'doy',
  day_of_year: 'doy',
  day_of_month: 'day',
  yow: 'isoyear',
  year_of_week: 'isoyear',
};

function rewriteExtractField(tokens: SqlToken[], open: number): void {
  const field = nextSignificant(tokens, open);
  const token = field === undefined ? undefined : tokens[field];
  const mapped = token?.kind === 'word' ? EXTRACT_FIELDS[token.text.toLowerCase()] : undefined;
  if (token && mapped) token.text = mapped;
}

function rewriteFormatArgument(tokens: SqlToken[], open: number, argIndex: number, name: string): void {
  const arg = callArguments(tokens, open)[argIndex];
  if (arg === undefined) return;
  const significant = arg.filter((i) => !isTrivia(tokens[i]));
  const only = significant.length === 1 ? tokens[significant[0] as number] : undefined;
  if (only?.kind !== 'string') {
    const text = arg
      .map((i) => tokens[i]?.text ?? '')
      .join('')
      .trim();
    throw new UnsupportedDateFormatError(text, `${name}() needs a string-literal format on DuckDB`);
  }
  only.text = toStringLiteral(trinoFormatToStrftime(stringLiteralValue(only)));
}
