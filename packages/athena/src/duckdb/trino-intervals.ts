import { isTrivia, nextSignificant, type SqlToken } from './sql-tokens.js';
import { failWith } from './trino-operators.js';

// Trino's `x ± INTERVAL '…' unit` keeps the type of x (a DATE stays a DATE, and fails when the interval
// has hours, minutes or seconds); DuckDB's date + interval is a timestamp. A macro overload on the
// operator would have to be chosen by operand type, which DuckDB cannot do for aggregates
// (`sum(a) + sum(b)` picked the DATE overload), so the SQL names a macro where the interval is written.
export const INTERVAL_MACROS: readonly string[] = ['+', '-'].map(
  (op) =>
    `trino_interval_${op === '+' ? 'add' : 'sub'}(a, b) AS CASE WHEN typeof(a) = 'DATE' AND (datepart('hour', b) <> 0 OR datepart('minute', b) <> 0 OR datepart('microseconds', b) <> 0) THEN ${failWith('Cannot add hour, minutes or seconds to a date', 'a')} ELSE cast_to_type(system.main."${op}"(a, b), a) END`,
);

// Words that end an operand when reading leftwards: `+`/`-` bind tighter than all of them.
const BOUNDARY_WORDS = new Set(
  'select where and or not when then else from on having by as in is like between distinct all any return limit offset union join using over filter with set values case'.split(
    ' ',
  ),
);
const BOUNDARY_OPERATORS = new Set(['=', '<', '>', '!', '|', ';']);

/**
 * Rewrites `x + INTERVAL '…' unit` and `x - INTERVAL '…' unit` into `trino_interval_add(x, INTERVAL …)`
 * and `trino_interval_sub(…)`, left to right, so chained intervals nest.
 *
 * @example rewriteIntervalArithmetic(tokenizeSql("d + INTERVAL '2' DAY")) // `trino_interval_add(d, INTERVAL '2' DAY)`
 */
export function rewriteIntervalArithmetic(tokens: SqlToken[]): void {
  tokens.forEach((token, op) => {
    if (token.kind !== 'other' || (token.text !== '+' && token.text !== '-')) return;
    const interval = nextSignificant(tokens, op);
    if (interval === undefined || tokens[interval]?.text.toLowerCase() !== 'interval') return;
    const end = intervalEnd(tokens, interval);
    const start = operandStart(tokens, op);
    if (end === undefined || start === undefined) return;
    (tokens[start] as SqlToken).text =
      `trino_interval_${token.text === '+' ? 'add' : 'sub'}(${tokens[start]?.text}`;
    token.text = ',';
    (tokens[end] as SqlToken).text += ')';
  });
}

// INTERVAL '…' unit [TO unit]: the index of the last unit word.
function intervalEnd(tokens: readonly SqlToken[], interval: number): number | undefined {
  const literal = nextSignificant(tokens, interval);
  const unit = literal === undefined ? undefined : nextSignificant(tokens, literal);
  if (unit === undefined || tokens[literal as number]?.kind !== 'string' || tokens[unit]?.kind !== 'word') {
    return undefined;
  }
  const to = nextSignificant(tokens, unit);
  const toUnit = to === undefined ? undefined : nextSignificant(tokens, to);
  const isTo =
    to !== undefined && tokens[to]?.text.toLowerCase() === 'to' && tokens[toUnit as number]?.kind === 'word';
  return isTo ? toUnit : unit;
}

// The first token of the left operand of the operator at `op`, or undefined when there is none.
function operandStart(tokens: readonly SqlToken[], op: number): number | undefined {
  let start: number | undefined;
  for (let i = op - 1; i >= 0; i--) {
    const token = tokens[i] as SqlToken;
    if (isTrivia(token)) continue;
    if (token.kind === 'close' || token.text === ']') {
      i = matchingOpen(tokens, i);
    } else if (token.kind === 'word' && token.text.toLowerCase() === 'end') {
      i = matchingCase(tokens, i);
    } else if (isBoundary(token)) {
      break;
    }
    if (i < 0) return undefined;
    start = i;
  }
  return start;
}

function isBoundary(token: SqlToken): boolean {
  if (token.kind === 'open' || token.kind === 'comma') return true;
  if (token.kind === 'word') return BOUNDARY_WORDS.has(token.text.toLowerCase());
  return token.kind === 'other' && BOUNDARY_OPERATORS.has(token.text);
}

function matchingOpen(tokens: readonly SqlToken[], close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const t = tokens[i];
    if (t?.kind === 'close' || t?.text === ']') depth++;
    if ((t?.kind === 'open' || t?.text === '[') && --depth === 0) return i;
  }
  return -1;
}

function matchingCase(tokens: readonly SqlToken[], end: number): number {
  let depth = 0;
  for (let i = end; i >= 0; i--) {
    const word = tokens[i]?.kind === 'word' ? tokens[i]?.text.toLowerCase() : undefined;
    if (word === 'end') depth++;
    if (word === 'case' && --depth === 0) return i;
  }
  return -1;
}
