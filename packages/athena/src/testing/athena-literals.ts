/** A value the fake read back from an Athena `ExecutionParameters` literal. */
export type AthenaLiteralValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | { date: string }
  | { timestamp: Date };

const STRING = /^'((?:[^']|'')*)'$/;
const DATE = /^DATE '(\d{4}-\d{2}-\d{2})'$/i;
const TIMESTAMP = /^TIMESTAMP '(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)'$/i;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads one Athena parameter literal the way Athena would, independently of the code that wrote
 * it, so the fake proves parameters round-trip (a quote that was not doubled makes this throw).
 *
 * @example parseAthenaLiteral("'o''brien'") // "o'brien"
 */
export function parseAthenaLiteral(text: string): AthenaLiteralValue {
  const string = STRING.exec(text);
  if (string) return (string[1] ?? '').replaceAll("''", "'");
  const date = DATE.exec(text);
  if (date) return { date: date[1] ?? '' };
  const timestamp = TIMESTAMP.exec(text);
  if (timestamp) return { timestamp: new Date(`${timestamp[1]}T${timestamp[2]}Z`) };
  const word = text.toUpperCase();
  if (word === 'NULL') return null;
  if (word === 'TRUE' || word === 'FALSE') return word === 'TRUE';
  if (INTEGER.test(text)) return Number.isSafeInteger(Number(text)) ? Number(text) : BigInt(text);
  if (DECIMAL.test(text)) return Number(text);
  throw new SyntaxError(`not a SQL literal: ${text}`);
}
