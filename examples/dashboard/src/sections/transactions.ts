import { barChart } from '../chart-specs.js';
import type { Section } from '../model.js';
import {
  largestTransactions,
  transactionNotifications,
  transactionStatuses,
} from '../queries/transactions.js';
import { column, countOf, records, type SectionInput, total } from './section.js';

const status = column('status', 'status');
const transactions = column('transactions', 'transactions', 'integer');
const value = column('total_value', 'value', 'currency');
const kind = column('kind', 'notification');
const notifications = column('notifications', 'sent', 'integer');
const TOP = 10;

/**
 * Seed 003's stored transactions: statuses, the notifications sent after the writes, the largest
 * transactions; the run report adds what was quarantined.
 *
 * @example const section = await transactionsSection({ engine, reports });
 */
export async function transactionsSection({ engine, reports }: SectionInput): Promise<Section> {
  const statuses = records((await engine.run(transactionStatuses, {})).rows);
  const sent = records((await engine.run(transactionNotifications, {})).rows);
  const largest = records((await engine.run(largestTransactions, { top: TOP })).rows);
  const report = Object.values(reports)[0];
  return {
    id: 'transactions',
    title: 'Transactions',
    reports,
    tiles: [
      { label: 'Stored', value: total(statuses, 'transactions'), format: 'integer' },
      { label: 'Value', value: total(statuses, 'total_value'), format: 'currency' },
      { label: 'Notifications sent', value: total(sent, 'notifications'), format: 'integer' },
      {
        label: 'Quarantined',
        value: report ? countOf(report.rejected) : null,
        format: 'integer',
        note: 'invalid or conflicting messages',
      },
    ],
    panels: [
      {
        query: transactionStatuses.name,
        title: 'Statuses',
        rows: statuses,
        columns: [status, transactions, value, column('notified', 'notified', 'integer')],
        chart: barChart({
          category: status,
          measure: transactions,
          color: status,
          tooltip: [status, transactions, value],
        }),
      },
      {
        query: transactionNotifications.name,
        title: 'Notifications',
        description: 'Published once the write succeeded; incomplete orders send none.',
        rows: sent,
        columns: [kind, notifications, value],
        chart: barChart({
          category: kind,
          measure: notifications,
          color: kind,
          tooltip: [kind, notifications, value],
        }),
      },
      {
        query: largestTransactions.name,
        title: `The ${TOP} largest transactions`,
        rows: largest,
        columns: [
          column('transaction_id', 'transaction'),
          column('product_name', 'product'),
          column('quantity', 'quantity', 'integer'),
          column('total', 'total', 'currency'),
          status,
        ],
      },
    ],
  };
}
