export { renderChartSvg, withHoverTitles } from './chart.js';
export { collectDashboard, type DashboardOptions, type PipelineReports, SECTION_IDS } from './collect.js';
export { renderDashboard } from './dashboard.js';
export { DashboardMonthError } from './errors.js';
export { escapeHtml, formatValue } from './format.js';
export type {
  ChartSpec,
  DashboardData,
  KpiTile,
  Panel,
  Section,
  SectionId,
  TableColumn,
  ValueFormat,
} from './model.js';
export { byReason, type PageOptions, renderDashboardPage } from './page.js';
export { detectionsPerMinute, topDetectedKeys } from './queries/bots.js';
export { itemTimeSpent, TIME_SPENT_BUCKETS, timeSpentDistribution } from './queries/clickstream.js';
export {
  largestTransactions,
  transactionNotifications,
  transactionStatuses,
} from './queries/transactions.js';
export { monthBounds } from './sections/orders.js';
export { detectionsTable, transactionsTable } from './tables.js';
