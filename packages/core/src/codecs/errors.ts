/** An option passed to a codec cannot work, e.g. a quote character as the CSV delimiter. */
export class CodecOptionsError extends Error {
  override readonly name = 'CodecOptionsError';
}

/** A CSV file whose header row cannot be read (too large or an unterminated quote), so no row can be. */
export class CsvHeaderError extends Error {
  override readonly name = 'CsvHeaderError';
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * Thrown before any row is read when a CSV header lacks columns a reader needs. Columns are
 * matched by normalised name (case, spaces, `_` and `-` ignored), so this means none is close.
 */
export class CsvColumnNotFoundError extends Error {
  override readonly name = 'CsvColumnNotFoundError';
  /** The file's header, whose names matched none of `missing`. */
  readonly header: readonly string[];
  constructor(
    readonly file: string,
    readonly missing: readonly string[],
    header: readonly string[],
  ) {
    const found = header.length === 0 ? 'the file has no header row' : `found ${header.join(', ')}`;
    super(
      `${file}:1: no ${missing.join(', ')} column (names are matched ignoring case, spaces, _ and -); ` +
        `${found}: rename the columns or check that this is the right file`,
    );
    this.header = header;
  }
}

/** A value given to the JSON Lines writer has no JSON form (undefined, a function, a BigInt, a cycle). */
export class JsonLinesEncodeError extends Error {
  override readonly name = 'JsonLinesEncodeError';
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

/** A CSV file in an encoding the reader was told not to transcode (UTF-16 with a byte-order mark). */
export class CsvEncodingError extends Error {
  override readonly name = 'CsvEncodingError';
  constructor(
    readonly file: string,
    readonly encoding: 'utf-16le' | 'utf-16be',
  ) {
    super(`${file} is ${encoding.toUpperCase()} (it starts with a byte-order mark); save it as UTF-8`);
  }
}

/** A run's report was asked for before the run read its input to the end. */
export class CsvRunNotFinishedError extends Error {
  override readonly name = 'CsvRunNotFinishedError';
  constructor(readonly file: string) {
    super(`the run over ${file} has not finished: read its output to the end before asking for the report`);
  }
}
