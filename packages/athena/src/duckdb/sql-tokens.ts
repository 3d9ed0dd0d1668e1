/** What a piece of SQL text is, as far as the Trino rewrite needs to know. */
export type SqlTokenKind =
  | 'string'
  | 'quoted-identifier'
  | 'word'
  | 'number'
  | 'comment'
  | 'space'
  | 'open'
  | 'close'
  | 'comma'
  | 'other';

export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
  /** Offset of the first character in the SQL text. */
  offset: number;
}

// Order matters: strings, quoted identifiers and comments are matched whole first, so nothing inside
// them is ever taken for a function call or a format argument.
const TOKEN = new RegExp(
  [
    "(?<string>'(?:[^']|'')*'?)",
    '(?<quoted>"(?:[^"]|"")*"?|`[^`]*`?)',
    '(?<comment>--[^\\n]*|\\/\\*[\\s\\S]*?(?:\\*\\/|$))',
    '(?<word>[A-Za-z_][A-Za-z0-9_$]*)',
    '(?<number>(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)',
    '(?<space>\\s+)',
    '(?<open>\\()',
    '(?<close>\\))',
    '(?<comma>,)',
    '(?<other>.)',
  ].join('|'),
  'gsy',
);

/**
 * Splits SQL into tokens that keep every character, so joining the texts gives the SQL back.
 *
 * @example tokenizeSql("f('a,b')").map((t) => t.kind) // ['word', 'open', 'string', 'close']
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(sql); match !== null; match = TOKEN.exec(sql)) {
    tokens.push({ kind: kindOf(match.groups ?? {}), text: match[0], offset: match.index });
  }
  return tokens;
}

function kindOf(groups: Record<string, string | undefined>): SqlTokenKind {
  if (groups.string !== undefined) return 'string';
  if (groups.quoted !== undefined) return 'quoted-identifier';
  if (groups.comment !== undefined) return 'comment';
  if (groups.word !== undefined) return 'word';
  if (groups.number !== undefined) return 'number';
  if (groups.space !== undefined) return 'space';
  if (groups.open !== undefined) return 'open';
  if (groups.close !== undefined) return 'close';
  if (groups.comma !== undefined) return 'comma';
  return 'other';
}

/** The value of a `'…'` literal token (doubled quotes undone). */
export function stringLiteralValue(token: SqlToken): string {
  return token.text.slice(1, -1).replaceAll("''", "'");
}

/** A `'…'` literal holding `value`. */
export function toStringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** 1-based line and column of an offset, for error messages. */
export function positionOf(sql: string, offset: number): { line: number; column: number } {
  const before = sql.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

export function isTrivia(token: SqlToken | undefined): boolean {
  return token?.kind === 'space' || token?.kind === 'comment';
}

export function nextSignificant(tokens: readonly SqlToken[], index: number): number | undefined {
  for (let i = index + 1; i < tokens.length; i++) if (!isTrivia(tokens[i])) return i;
  return undefined;
}

export function previousSignificant(tokens: readonly SqlToken[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (!isTrivia(tokens[i])) return i;
  return undefined;
}

/** Index of the `)` matching the `(` at `open`. */
export function closeIndex(tokens: readonly SqlToken[], open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]?.kind === 'open') depth++;
    if (tokens[i]?.kind === 'close' && --depth === 0) return i;
  }
  return undefined;
}

/** Index of the `(` when `tokens[index]` is an unqualified function name being called. */
export function callOpenIndex(tokens: readonly SqlToken[], index: number): number | undefined {
  if (tokens[index]?.kind !== 'word') return undefined;
  const before = previousSignificant(tokens, index);
  if (before !== undefined && tokens[before]?.text === '.') return undefined;
  const next = nextSignificant(tokens, index);
  return next !== undefined && tokens[next]?.kind === 'open' ? next : undefined;
}

/** Token indexes of each top-level argument of the call whose `(` is at `open`. */
export function callArguments(tokens: readonly SqlToken[], open: number): number[][] {
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
