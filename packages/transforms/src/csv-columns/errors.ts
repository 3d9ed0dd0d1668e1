/**
 * Thrown before any row is read when a CSV header lacks columns a transform needs. Columns are
 * matched by normalised name (case, spaces, `_` and `-` ignored), so this means none is close.
 */
export class CsvColumnNotFoundError extends Error {
  override readonly name = 'CsvColumnNotFoundError';
  constructor(
    readonly file: string,
    readonly missing: readonly string[],
    readonly header: readonly string[],
  ) {
    const found = header.length === 0 ? 'the file has no header row' : `found ${header.join(', ')}`;
    super(
      `${file}:1: no ${missing.join(', ')} column (names are matched ignoring case, spaces, _ and -); ` +
        `${found}: rename the columns or check that this is the right file`,
    );
  }
}
