import type { RunReport } from '@sluice/core/outcome';
import type { DemoResult } from './demo-examples.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PageSection {
  title: string;
  result: DemoResult;
}

/**
 * The demo's summary page: each pipeline's run reports, summary and query results, with a bar per
 * row for the first numeric column. Every value from the data is escaped.
 */
export function renderSummaryPage(sections: PageSection[], generatedAt: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sluice demo</title>
<style>
body{font:14px system-ui,sans-serif;margin:2rem;max-width:72rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
th{background:#f3f3f3}.bar{background:#4a7bd0;height:.7rem;display:inline-block}
</style></head><body>
<h1>Sluice demo</h1><p>Generated ${escapeHtml(generatedAt)}.</p>
${sections.map(section).join('\n')}
</body></html>
`;
}

function section({ title, result }: PageSection): string {
  const reports = Object.entries(result.reports).map(([name, report]) => reportRow(name, report));
  const summary = Object.entries(result.summary).map(
    ([key, value]) => `<li><b>${escapeHtml(key)}</b>: ${escapeHtml(JSON.stringify(value) ?? '')}</li>`,
  );
  return `<section><h2>${escapeHtml(title)}</h2>
<table><tr><th>step</th><th>read</th><th>kept</th><th>dropped</th><th>rejected</th><th>ms</th></tr>${reports.join('')}</table>
<ul>${summary.join('')}</ul>
${result.queries.map((q) => queryTable(q.name, q.rows)).join('\n')}</section>`;
}

function reportRow(name: string, r: RunReport): string {
  const cells = [name, r.read, r.kept, JSON.stringify(r.dropped), JSON.stringify(r.rejected), r.durationMs];
  return `<tr>${cells.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`;
}

function queryTable(name: string, rows: Record<string, unknown>[]): string {
  const shown = rows.slice(0, 25);
  const columns = Object.keys(shown[0] ?? {});
  const measure = columns.find((c) => typeof shown[0]?.[c] === 'number');
  const max = Math.max(1e-9, ...shown.map((row) => Math.abs(Number(measure ? row[measure] : 0))));
  const head =
    columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('') +
    (measure ? `<th>${escapeHtml(measure)}</th>` : '');
  const body = shown.map((row) => {
    const cells = columns.map((c) => `<td>${escapeHtml(formatValue(row[c]))}</td>`).join('');
    const bar = measure
      ? `<td><span class="bar" style="width:${Math.round((Math.abs(Number(row[measure])) / max) * 200)}px"></span></td>`
      : '';
    return `<tr>${cells}${bar}</tr>`;
  });
  return `<h3>${escapeHtml(name)} <small>(${rows.length} rows)</small></h3><table><tr>${head}</tr>${body.join('')}</table>`;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
