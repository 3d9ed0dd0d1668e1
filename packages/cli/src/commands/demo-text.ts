import type { RunReport } from '@sluice/core/outcome';
import type { DemoResult } from './demo-examples.js';

/** A run report on one line: `read 20000 = kept 14321 + dropped {stale: 5012} + rejected {…}`. */
export function reportLine(name: string, report: RunReport): string {
  return `${name}: read ${report.read} = kept ${report.kept} + dropped ${counts(report.dropped)} + rejected ${counts(report.rejected)} (${report.durationMs} ms)`;
}

function counts(byReason: Record<string, number>): string {
  const entries = Object.entries(byReason);
  return entries.length === 0 ? '0' : `{${entries.map(([reason, n]) => `${reason}: ${n}`).join(', ')}}`;
}

/** The human summary of one pipeline's demo run, for stderr. */
export function describeResult(title: string, result: DemoResult, elapsedMs: number): string[] {
  const lines = [`== ${title} — ${(elapsedMs / 1000).toFixed(1)} s`];
  for (const [name, report] of Object.entries(result.reports)) lines.push(`  ${reportLine(name, report)}`);
  for (const [key, value] of Object.entries(result.summary)) lines.push(`  ${key}: ${compact(value)}`);
  for (const query of result.queries) {
    lines.push(`  query ${query.name} (${query.rows.length} rows)`);
    lines.push(...table(query.rows.slice(0, 5)).map((line) => `    ${line}`));
  }
  return lines;
}

function compact(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** Rows as an aligned text table. */
export function table(rows: Record<string, unknown>[]): string[] {
  const first = rows[0];
  if (!first) return ['(no rows)'];
  const columns = Object.keys(first);
  const cells = rows.map((row) => columns.map((column) => cell(row[column])));
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...cells.map((r) => (r[i] as string).length)),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  return [line(columns), ...cells.map(line)];
}

function cell(value: unknown): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : value.toFixed(4).replace(/0+$/, '');
  if (value === null || value === undefined) return '∅';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
