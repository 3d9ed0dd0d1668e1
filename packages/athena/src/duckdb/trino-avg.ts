import { callOpenIndex, closeIndex, nextSignificant, type SqlToken } from './sql-tokens.js';

// Trino averages decimal(p,s) into decimal(p,s), rounding half up; DuckDB into a double, which loses
// digits and rounds 0.15 down. A macro cannot take DISTINCT, FILTER or OVER, so the rewrite keeps
// DuckDB's avg and passes trino_avg the same call as sum, count and median (median only for its type).

/** `CREATE MACRO` bodies for the rewritten avg; helpers first (a macro is bound when created). */
export const AVG_MACROS: readonly string[] = [
  "trino_unscaled(s) AS CAST(replace(CAST(s AS VARCHAR), '.', '') AS HUGEINT)",
  // lpad cuts a longer text to the width; digits are only ever padded here.
  "trino_zero_pad(t, width) AS CASE WHEN len(t) >= width THEN t ELSE lpad(t, width, '0') END",
  `trino_point(t, k) AS CASE WHEN k = 0 THEN t ELSE left(t, system.main."-"(len(t), k)) || '.' || right(t, k) END`,
  `trino_decimal_text(r, k) AS CASE WHEN r < 0 THEN '-' ELSE '' END || trino_point(trino_zero_pad(CAST(abs(r) AS VARCHAR), system.main."+"(k, 1)), k)`,
  // sum and count give the exact quotient; (2u ± n) / 2n truncated rounds it half away from zero.
  // Operators are called by their built-in names: the shadowing macros cannot type a macro argument.
  `trino_decimal_avg(s, n, w) AS CASE WHEN n = 0 THEN NULL ELSE cast_to_type(trino_decimal_text(system.main."//"(system.main."+"(2 * trino_unscaled(s), system.main.sign(trino_unscaled(s)) * n), 2 * n), CAST(regexp_extract(typeof(w), ',(\\d+)\\)', 1) AS INTEGER)), w) END`,
  // w is median(x) for its type only (DuckDB drops it unevaluated): the input's decimal type, and a
  // double for integers, as avg gives on Trino. A macro overload cannot be chosen by an aggregate's type.
  "trino_avg(v, s, n, w) AS CASE WHEN typeof(w) LIKE 'DECIMAL%' THEN trino_decimal_avg(s, n, w) ELSE cast_to_type(v, w) END",
];

/**
 * Rewrites `avg(x) [FILTER (…)] [OVER …]` into `trino_avg(avg(x) …, sum(x) …, count(x) …, median(x) …)`.
 * Runs after the other rewrites and innermost first, so each copy carries the rewritten text.
 *
 * @example rewriteAverages(tokenizeSql('avg(x)')) // tokens now read `trino_avg(avg(x), sum(x), count(x), median(x))`
 */
export function rewriteAverages(tokens: SqlToken[]): void {
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index] as SqlToken;
    const open = token.text.toLowerCase() === 'avg' ? callOpenIndex(tokens, index) : undefined;
    const close = open === undefined ? undefined : closeIndex(tokens, open);
    if (open === undefined || close === undefined) continue;
    const end = clauseEnd(tokens, clauseEnd(tokens, close, 'filter'), 'over');
    const text = (from: number, to: number) =>
      tokens
        .slice(from, to + 1)
        .map((t) => t.text)
        .join('');
    const args = text(open + 1, close - 1);
    const suffix = text(close + 1, end);
    const call = (name: string) => `${name}(${args})${suffix}`;
    token.text = `trino_avg(${token.text}`;
    (tokens[end] as SqlToken).text += `, ${call('sum')}, ${call('count')}, ${call('median')})`;
  }
}

// The last token of a `FILTER (…)` or `OVER (…)` / `OVER name` clause after `from`, or `from`.
function clauseEnd(tokens: readonly SqlToken[], from: number, keyword: string): number {
  const word = nextSignificant(tokens, from);
  if (word === undefined || tokens[word]?.text.toLowerCase() !== keyword) return from;
  const next = nextSignificant(tokens, word);
  if (next === undefined) return from;
  if (tokens[next]?.kind === 'open') return closeIndex(tokens, next) ?? from;
  return tokens[next]?.kind === 'word' || tokens[next]?.kind === 'quoted-identifier' ? next : from;
}
