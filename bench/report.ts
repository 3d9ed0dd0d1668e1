import type { VariantResult } from './harness.js';

/** A goal from the issue, checked against this run's figures. */
export interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

/** One printed line: a variant at one input size, with its ratios to the baselines. */
export interface Row {
  variant: string;
  rows: number;
  medianMs: number;
  medianRssMb: number;
  /** Extra figure per row, e.g. throughput or calls. */
  note?: string;
  ratios?: string;
}

/** What a case hands back: its table, its goals, and whatever it checked (hashes, sums). */
export interface CaseReport {
  name: string;
  title: string;
  rows: Row[];
  goals: Goal[];
  checks: Record<string, unknown>;
  samples?: Record<string, VariantResult[]>;
}

/** "0.52× duckdb" style ratio of medians. */
export function ratio(value: number, baseline: number): number {
  return Math.round((value / baseline) * 100) / 100;
}

/** Rows per second from a row count and milliseconds. */
export function perSecond(rows: number, ms: number): number {
  return Math.round((rows / ms) * 1000);
}

export function printReport(report: CaseReport): void {
  console.log(`\n## ${report.name}: ${report.title}`);
  const header = ['variant', 'rows', 'wall ms (median)', 'peak RSS MB', 'ratios', 'note'];
  const lines = report.rows.map((row) => [
    row.variant,
    row.rows.toLocaleString('en'),
    row.medianMs.toFixed(0),
    row.medianRssMb ? row.medianRssMb.toFixed(1) : '-',
    row.ratios ?? '',
    row.note ?? '',
  ]);
  printTable([header, ...lines]);
  for (const [check, value] of Object.entries(report.checks))
    console.log(`check ${check}: ${JSON.stringify(value)}`);
  for (const goal of report.goals)
    console.log(`${goal.met ? 'MET  ' : 'UNMET'} ${goal.goal}: ${goal.measured}`);
}

function printTable(lines: string[][]): void {
  const widths = (lines[0] ?? []).map((_, column) =>
    Math.max(...lines.map((line) => (line[column] ?? '').length)),
  );
  for (const line of lines)
    console.log(line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '));
}
