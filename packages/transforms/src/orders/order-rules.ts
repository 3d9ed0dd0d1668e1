// The stale-order rule as the CSV reader's rules: one decision, made from bytes where they suffice.
import type { CsvColumnBatcher, CsvRecord, CsvRules, CsvVerdict } from '@sluice/core/codecs';
import { orderLineRule } from './order-bytes.js';
import type { OrderColumns } from './order-columns.js';
import type { StaleOrderRule } from './stale-order-rule.js';
import { classifyOrder } from './stale-order-rule.js';

/**
 * The stale rule as reader rules: from bytes where it can, from decoded fields where it must
 * (`fromBytes: false` decides every record from its fields, for the differential test).
 * Kept rows also go to `kept` when given.
 */
export function orderRules(
  header: readonly string[],
  columns: OrderColumns,
  rule: StaleOrderRule,
  kept?: CsvColumnBatcher,
  { fromBytes = true } = {},
): CsvRules {
  const decide = recordRule(header, columns, rule);
  if (!fromBytes) return kept ? { record: keeping(decide, kept) } : { record: decide };
  const line = orderLineRule(columns, rule);
  if (!kept) return { line, record: decide };
  return {
    line: (row) => {
      const verdict = line(row);
      if (verdict === 'keep') kept.addLine(row);
      return verdict;
    },
    record: keeping(decide, kept),
  };
}

function keeping(decide: (record: CsvRecord) => CsvVerdict, kept: CsvColumnBatcher) {
  return (record: CsvRecord): CsvVerdict => {
    const verdict = decide(record);
    if (verdict === 'keep') kept.addRecord(record);
    return verdict;
  };
}

function recordRule(header: readonly string[], columns: OrderColumns, rule: StaleOrderRule) {
  return (record: CsvRecord): CsvVerdict => {
    const status = record.fields[columns.status] ?? '';
    const orderDate = record.fields[columns.orderDate] ?? '';
    const outcome = classifyOrder({ status, orderDate }, rule);
    if (outcome.kind === 'kept') return 'keep';
    if (outcome.kind === 'dropped') return { drop: outcome.reason };
    const column = header[outcome.reason === 'missing-status' ? columns.status : columns.orderDate] ?? '';
    return { reject: outcome.reason, message: `column ${column}: ${outcome.message}`, column };
  };
}
