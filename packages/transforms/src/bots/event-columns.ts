import { headerColumns } from '@sluice/core/codecs';
import { BotEventColumnError } from './errors.js';
import { BOT_EVENT_RULES } from './event-check.js';
import type { BotKey } from './options.js';

/** The fields of an event (see {@link BOT_EVENT_RULES}): what a CSV file of events may hold. */
export type BotEventField = keyof typeof BOT_EVENT_RULES;

/** Where each event field sits in a CSV header (-1: no such column). */
export interface BotEventColumns {
  readonly file: string;
  readonly header: readonly string[];
  readonly at: Readonly<Record<BotEventField, number>>;
}

/**
 * Finds the event fields in a CSV header by normalised name (`Event Time`, `event-time` and
 * `EVENT_TIME` are all `event_time`) with core's `headerColumns`. Two columns with one normalised
 * name are a `CsvHeaderError`; a missing column that the schema requires, or the `keyBy` column, is a
 * {@link BotEventColumnError} naming the file and the column.
 *
 * @example const columns = findBotEventColumns(scan, 'events.csv', 'user_session');
 */
export function findBotEventColumns(
  csv: { readonly header: readonly string[] }, // a `CsvScan` or an `openCsv` source
  file: string,
  keyBy?: BotKey,
): BotEventColumns {
  const fields = Object.keys(BOT_EVENT_RULES) as BotEventField[];
  const found = headerColumns(csv.header, { required: [], optional: fields }, file);
  const at = {} as Record<BotEventField, number>;
  for (const field of fields) {
    at[field] = found.at(field);
    // The rules are the one definition of what is required: a field they accept absent is optional.
    if (at[field] < 0 && !BOT_EVENT_RULES[field](undefined).ok)
      throw new BotEventColumnError(file, field, 'the event schema requires it');
  }
  if (typeof keyBy === 'string' && at[keyBy] < 0)
    throw new BotEventColumnError(file, keyBy, `events are grouped by it (keyBy: '${keyBy}')`);
  return { file, header: csv.header, at };
}

/**
 * A record's fields as the row object `checkBotEvent` and `BotEventSchema` read: each found column
 * under its field's name, other columns left out.
 *
 * @example checkBotEvent(botEventRow(columns, record.fields))
 */
export function botEventRow(columns: BotEventColumns, fields: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {};
  for (const field in columns.at) {
    const index = columns.at[field as BotEventField];
    if (index >= 0) row[field] = fields[index] ?? '';
  }
  return row;
}
