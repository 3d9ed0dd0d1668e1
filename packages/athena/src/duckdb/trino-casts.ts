import { callArguments, callOpenIndex, closeIndex, isTrivia, type SqlToken } from './sql-tokens.js';

// CAST targets whose Trino meaning differs from DuckDB's for some operand types; each has a
// `trino_cast_<target>` / `trino_try_cast_<target>` macro (trino-operators.ts) choosing by operand type.
const CAST_TARGETS: Readonly<Record<string, string>> = {
  tinyint: 'tinyint',
  smallint: 'smallint',
  integer: 'integer',
  int: 'integer',
  bigint: 'bigint',
  varchar: 'varchar',
  json: 'json',
};

/**
 * Rewrites `CAST(x AS T)` and `TRY_CAST(x AS T)` for the targets above into the macro of that target,
 * so the operand's type decides at bind time (a double rounds half up, prints as `1.5E0`, …).
 *
 * @example rewriteCasts(tokenizeSql('CAST(x AS INTEGER)')) // tokens now read `trino_cast_integer(x)`
 */
export function rewriteCasts(tokens: SqlToken[]): void {
  tokens.forEach((token, index) => {
    const name = token.text.toLowerCase();
    if (name !== 'cast' && name !== 'try_cast') return;
    const open = callOpenIndex(tokens, index);
    const close = open === undefined ? undefined : closeIndex(tokens, open);
    if (open === undefined || close === undefined) return;
    const arg = callArguments(tokens, open)[0] ?? [];
    const as = arg.findLast((i) => tokens[i]?.text.toLowerCase() === 'as' && depthAt(tokens, open, i) === 0);
    if (as === undefined) return;
    const typeText = arg
      .filter((i) => i > as && !isTrivia(tokens[i]))
      .map((i) => tokens[i]?.text.toLowerCase())
      .join('');
    const target = CAST_TARGETS[typeText];
    if (target === undefined) return;
    token.text = `trino_${name}_${target}`;
    let from = as;
    while (from - 1 > open && isTrivia(tokens[from - 1])) from--;
    for (let i = from; i < close; i++) (tokens[i] as SqlToken).text = '';
  });
}

function depthAt(tokens: readonly SqlToken[], open: number, index: number): number {
  let depth = 0;
  for (let i = open + 1; i < index; i++) {
    if (tokens[i]?.kind === 'open') depth++;
    if (tokens[i]?.kind === 'close') depth--;
  }
  return depth;
}

/**
 * Types decimal literals as Trino does: `0.1` is decimal(1,1) (DuckDB counts the leading zero and
 * makes it decimal(2,1), so `0.1 + 0.2` came out one digit wider).
 *
 * @example rewriteDecimalLiterals(tokenizeSql('0.25')) // the token reads `CAST(0.25 AS DECIMAL(2,2))`
 */
export function rewriteDecimalLiterals(tokens: SqlToken[]): void {
  for (const token of tokens) {
    const match = token.kind === 'number' ? /^(0*)(\d*)\.(\d+)$/.exec(token.text) : null;
    if (match === null || (match[1] === '' && match[2] !== '')) continue;
    const integral = match[2] ?? '';
    const scale = (match[3] ?? '').length;
    const precision = Math.max(1, integral.length + scale);
    if (precision <= 38) token.text = `CAST(${token.text} AS DECIMAL(${precision},${scale}))`;
  }
}
