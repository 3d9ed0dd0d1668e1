import { createReadStream } from 'node:fs';
import { normaliseColumnName, openCsv } from '@sluice/core/codecs';
import { UnreadableInputError } from './errors.js';

/**
 * Reads only the header of a CSV file and checks it names every column a command needs, so a file
 * of the wrong kind (or an empty one) fails with one line naming it instead of rejecting every row.
 *
 * @example await requireColumns('events.csv', ['event_time', 'user_id']);
 */
export async function requireColumns(file: string, columns: readonly string[]): Promise<void> {
  const input = createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    const csv = await openCsv(input, { file });
    const present = new Set(csv.header.map(normaliseColumnName));
    if (csv.header.length === 0) throw new UnreadableInputError(file, 'it has no header row');
    const missing = columns.filter((column) => !present.has(normaliseColumnName(column)));
    if (missing.length > 0)
      throw new UnreadableInputError(file, `its header has no ${missing.join(', ')} column`);
  } finally {
    input.destroy();
  }
}
