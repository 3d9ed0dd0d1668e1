import type { RunReport } from '@sluice/core/outcome';
import type { TopLevelSpec } from 'vega-lite';

/** How a value is written on the page (tiles, tables, chart axes and tooltips alike). */
export type ValueFormat = 'text' | 'integer' | 'decimal' | 'currency' | 'percent' | 'score' | 'seconds';

/** One column of a panel's table: the row field, its heading and how its values read. */
export interface TableColumn {
  field: string;
  title: string;
  format: ValueFormat;
}

/** A headline number of a section. */
export interface KpiTile {
  label: string;
  value: number | string | null;
  format: ValueFormat;
  /** A short line under the value: the formula or what it counts. */
  note?: string;
}

/**
 * A Vega-Lite spec without its data: the panel's rows (or `chartRows`) become `data.values` when
 * the page is rendered, so the spec never holds a value from the data.
 */
export type ChartSpec = Omit<TopLevelSpec, 'data'>;

/** One query's result on the page: a chart (optional) and, below it, the table of its rows. */
export interface Panel {
  /** The query's name: the table's `data-query` and the chart's `data-chart` attribute. */
  query: string;
  title: string;
  description?: string;
  rows: Record<string, unknown>[];
  columns: TableColumn[];
  chart?: ChartSpec;
  /** Rows the chart draws when they differ from the table's (a top N, parsed times). */
  chartRows?: Record<string, unknown>[];
}

/** The sections of the page, in order. */
export type SectionId = 'orders' | 'clickstream' | 'lake' | 'transactions' | 'bots';

/** One pipeline's part of the page. */
export interface Section {
  id: SectionId;
  title: string;
  tiles: KpiTile[];
  panels: Panel[];
  /** The pipeline's run reports, by step name. */
  reports: Record<string, RunReport>;
  /** Why the section has no data (a table missing, a query failing); the page says so. */
  error?: string;
}

/** Everything the page shows; rendering it is a pure function of this. */
export interface DashboardData {
  /** The engine that answered the queries (`duckdb`, `athena`). */
  engine: string;
  generatedAt: Date;
  sections: Section[];
  /** The month of the orders' "largest orders" query, `YYYY-MM`, and the months to choose from. */
  ordersMonth?: { month: string; months: string[] };
}
