/** What `runDemo` returns, as every example's does. */
export type { PipelineRunResult as DemoResult } from '@sluice/core/outcome';
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
