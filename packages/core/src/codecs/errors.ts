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
