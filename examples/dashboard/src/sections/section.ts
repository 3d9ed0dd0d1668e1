import type { QueryEngine } from '@sluice/athena';
import type { RunReport } from '@sluice/core/outcome';
import type { TableColumn, ValueFormat } from '../model.js';

/** What every section is built from: the engine that answers and the pipeline runs' reports. */
export interface SectionInput {
  engine: QueryEngine;
  /** The run reports of this section's pipeline, by step name (empty when unknown). */
  reports: Record<string, RunReport>;
}

/** A table column: `column('total_spent', 'spent', 'currency')`. */
export function column(field: string, title: string, format: ValueFormat = 'text'): TableColumn {
  return { field, title, format };
}

/** Rows as the page holds them: plain records (a typed row is one). */
export function records<R extends object>(rows: readonly R[]): Record<string, unknown>[] {
  return rows as unknown as Record<string, unknown>[];
}

/** The sum of a numeric field over rows (null and missing count 0). */
export function total(rows: readonly Record<string, unknown>[], field: string): number {
  return rows.reduce((sum, row) => sum + Number(row[field] ?? 0), 0);
}

/** Total of a report's counts by reason. */
export function countOf(byReason: Record<string, number> | undefined): number {
  return Object.values(byReason ?? {}).reduce((a, b) => a + b, 0);
}
