/** What a piece of SQL text is, as far as the Trino rewrite needs to know. */
export type SqlTokenKind =
  | 'string'
  | 'quoted-identifier'
  | 'word'
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
