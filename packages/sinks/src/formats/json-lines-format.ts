import { encodeJsonLines } from '@sluice/core/codecs';
import type { ObjectStore } from '@sluice/core/storage';
import type { FileFormat, Misfit, Row, WriteFileOptions, WrittenFile } from './file-format.js';
import { writeFile } from './file-format.js';

/**
 * JSON Lines (core's `encodeJsonLines`): one object per line. A row with no JSON form (a BigInt, a
 * cycle) is rejected (`not-json`) instead of failing the whole file.
 *
 * @example
 * await writeFile(store, 'events/2025-01-31.jsonl', jsonLinesFormat(), events);
 */
export function jsonLinesFormat(): FileFormat {
  return {
    name: 'jsonl',
    extension: '.jsonl',
    contentType: 'application/x-ndjson',
    encode: (rows, reject) => encodeJsonLines(serialisableRows(rows, reject)),
  };
}

/**
 * Writes rows as one JSON Lines object.
 *
 * @example
 * const file = await writeJsonLines(store, 'events/2025-01-31.jsonl', events);
 */
export function writeJsonLines(
  store: ObjectStore,
  key: string,
  rows: AsyncIterable<Row> | Iterable<Row>,
  options: WriteFileOptions = {},
): Promise<WrittenFile> {
  return writeFile(store, key, jsonLinesFormat(), rows, options);
}

// Each row is stringified once here to find the ones that cannot be, so that the encoder never throws.
async function* serialisableRows(
  rows: AsyncIterable<Row> | Iterable<Row>,
  reject: (misfit: Misfit) => void,
): AsyncGenerator<Row> {
  let index = 0;
  for await (const row of rows) {
    const problem = jsonProblem(row);
    if (problem) reject({ row, index, reason: 'not-json', message: problem });
    else yield row;
    index++;
  }
}

function jsonProblem(row: Row): string | undefined {
  try {
    JSON.stringify(row);
    return undefined;
  } catch (error) {
    return `the record has no JSON form: ${error instanceof Error ? error.message : String(error)}`;
  }
}
