import type { RunReport } from '@sluice/core/outcome';

export { type TransactionStreamConfig, transactionStreamConfig } from './config.js';
export { TransactionInputError } from './errors.js';
export {
  handler,
  processTransactionsHandler,
  type TransactionHandlerDeps,
} from './handlers/process-transactions.js';
export { type DemoOptions, runDemo } from './local.js';
export {
  LOCAL_TABLE,
  runTransactionStream,
  type TransactionRunOptions,
  type TransactionRunResult,
} from './local-run.js';
export { messageLines } from './message-lines.js';
export { type StoreAndNotifyDeps, storeAndNotify } from './store-and-notify.js';
export { type StoredCounts, storedCounts } from './stored-counts.js';
export { TABLE_EXPORT_FILE, writeTableExport } from './table-export.js';
export {
  NOTIFICATION,
  type OutboxNotification,
  pendingNotification,
  TRANSACTION_KEY,
  TransactionTable,
  transactionTableSchema,
} from './transaction-table.js';

/** What the demo prints for a pipeline (the shape every example returns). */
export interface DemoResult {
  pipeline: string;
  reports: Record<string, RunReport>;
  summary: Record<string, unknown>;
  queries: { name: string; rows: Record<string, unknown>[] }[];
}
