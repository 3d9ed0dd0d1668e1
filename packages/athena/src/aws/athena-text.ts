/**
 * Parses Athena's text form of complex values: arrays `[a, b]`, maps `{k=v}` and rows `{field=v}`,
 * nested in any way. Athena's result metadata gives only `array`/`map`/`row` without element types,
 * so leaf values stay strings (`null` becomes null). The form is lossy: a string element holding
 * `, `, `=` or a bracket cannot be told apart; `CAST(x AS JSON)` in the SQL gives exact values.
 *
 * @example parseAthenaText('{id=1, tags=[a, b]}') // { id: '1', tags: ['a', 'b'] }
 */
export function parseAthenaText(text: string): unknown {
  const cursor = { text, at: 0 };
  const value = readValue(cursor, '');
  if (cursor.at !== text.length)
    throw new SyntaxError(`unexpected text at ${cursor.at}: ${text.slice(cursor.at)}`);
  return value;
}

interface Cursor {
  text: string;
  at: number;
}

const SEPARATOR = ', ';

function readValue(cursor: Cursor, closer: string): unknown {
  const first = cursor.text[cursor.at];
  if (first === '[') return readArray(cursor);
  if (first === '{') return readObject(cursor);
  return readScalar(cursor, closer);
}

function readArray(cursor: Cursor): unknown[] {
  cursor.at++;
  const items: unknown[] = [];
  if (cursor.text[cursor.at] === ']') return close(cursor, ']', items);
  for (;;) {
    items.push(readValue(cursor, ']'));
    if (!skipSeparator(cursor)) return close(cursor, ']', items);
  }
}

function readObject(cursor: Cursor): Record<string, unknown> {
  cursor.at++;
  const entries: Record<string, unknown> = {};
  if (cursor.text[cursor.at] === '}') return close(cursor, '}', entries);
  for (;;) {
    const equals = cursor.text.indexOf('=', cursor.at);
    if (equals < 0) throw new SyntaxError(`expected key=value at ${cursor.at}`);
    const key = cursor.text.slice(cursor.at, equals);
    cursor.at = equals + 1;
    entries[key] = readValue(cursor, '}');
    if (!skipSeparator(cursor)) return close(cursor, '}', entries);
  }
}

function readScalar(cursor: Cursor, closer: string): string | null {
  const { text } = cursor;
  let end = cursor.at;
  while (end < text.length && !text.startsWith(SEPARATOR, end) && text[end] !== closer) end++;
  const raw = text.slice(cursor.at, end);
  cursor.at = end;
  return raw === 'null' ? null : raw;
}

function skipSeparator(cursor: Cursor): boolean {
  if (!cursor.text.startsWith(SEPARATOR, cursor.at)) return false;
  cursor.at += SEPARATOR.length;
  return true;
}

function close<T>(cursor: Cursor, closer: string, value: T): T {
  if (cursor.text[cursor.at] !== closer) throw new SyntaxError(`expected "${closer}" at ${cursor.at}`);
  cursor.at++;
  return value;
}
