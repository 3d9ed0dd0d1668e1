import { trinoFormatToStrftime } from './date-format.js';
import { UnsupportedDateFormatError, UnsupportedFunctionError } from './errors.js';
import { positionOf, type SqlToken, stringLiteralValue, tokenizeSql, toStringLiteral } from './sql-tokens.js';
import { DATE_FORMAT_FUNCTIONS, UNSUPPORTED_TRINO_FUNCTIONS } from './trino-functions.js';

/**
 * Prepares Athena (Trino) SQL for DuckDB: rewrites the string-literal formats of `date_format` and
 * `date_parse` into strftime formats, and refuses calls to functions DuckDB cannot run, naming them.
 * Text inside string literals, quoted identifiers and comments is never touched.
 *
 * @example
 * rewriteTrinoSql("SELECT date_format(ts, '%Y-%m-%d %H:%i') FROM t")
 * // "SELECT date_format(ts, '%Y-%m-%d %H:%M') FROM t"
 */
export function rewriteTrinoSql(sql: string): string {
  const tokens = tokenizeSql(sql);
  tokens.forEach((token, index) => {
    const open = callOpenIndex(tokens, index);
    if (open === undefined) return;
    const name = token.text.toLowerCase();
    if (UNSUPPORTED_TRINO_FUNCTIONS.has(name)) {
      const { line, column } = positionOf(sql, token.offset);
      throw new UnsupportedFunctionError(name, `line ${line}, column ${column}`);
    }
    const formatArg = DATE_FORMAT_FUNCTIONS[name];
    if (formatArg !== undefined) rewriteFormatArgument(tokens, open, formatArg, name);
  });
  return tokens.map((token) => token.text).join('');
}

/** Index of the `(` when `tokens[index]` is an unqualified function name being called. */
function callOpenIndex(tokens: readonly SqlToken[], index: number): number | undefined {
  if (tokens[index]?.kind !== 'word') return undefined;
  const before = previousSignificant(tokens, index);
  if (before !== undefined && tokens[before]?.text === '.') return undefined;
  const next = nextSignificant(tokens, index);
  return next !== undefined && tokens[next]?.kind === 'open' ? next : undefined;
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

/** Token indexes of each top-level argument of the call whose `(` is at `open`. */
function callArguments(tokens: readonly SqlToken[], open: number): number[][] {
  const args: number[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const kind = tokens[i]?.kind;
    if (kind === 'open') depth++;
    if (kind === 'close' && depth-- === 0) break;
    if (kind === 'comma' && depth === 0) args.push([]);
    else args.at(-1)?.push(i);
  }
  return args;
}

function isTrivia(token: SqlToken | undefined): boolean {
  return token?.kind === 'space' || token?.kind === 'comment';
}

function nextSignificant(tokens: readonly SqlToken[], index: number): number | undefined {
  for (let i = index + 1; i < tokens.length; i++) if (!isTrivia(tokens[i])) return i;
  return undefined;
}

function previousSignificant(tokens: readonly SqlToken[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (!isTrivia(tokens[i])) return i;
  return undefined;
}
