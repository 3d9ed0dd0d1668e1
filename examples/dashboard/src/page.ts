import type { RunReport } from '@sluice/core/outcome';
import { renderChartSvg } from './chart.js';
import { escapeHtml as e, formatValue } from './format.js';
import type { DashboardData, KpiTile, Panel, Section, TableColumn } from './model.js';
import { PAGE_STYLE } from './page-style.js';

/** Options of {@link renderDashboardPage}. */
export interface PageOptions {
  /** Rows a table shows at most; the caption says how many the query returned. Default 500. */
  maxTableRows?: number;
  /** Served pages offer a form to pick the orders month (a GET of `?month=YYYY-MM`). Default false. */
  monthForm?: boolean;
}

/**
 * The dashboard as ONE self-contained HTML page: KPI tiles, charts as inline SVG (rendered here,
 * no script), the tables under them, each pipeline's run reports as counts, when it was generated
 * and which engine answered. Every value from the data is escaped. The page is a function of
 * `data` alone, so two engines' pages differ only in the engine line.
 *
 * @example const html = await renderDashboardPage(await collectDashboard(engine, { reports }));
 */
export async function renderDashboardPage(data: DashboardData, options: PageOptions = {}): Promise<string> {
  const sections = await Promise.all(data.sections.map((s) => renderSection(s, data, options)));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sluice dashboard</title><style>${PAGE_STYLE}</style></head><body>
<header><h1>Sluice dashboard</h1>
<p id="provenance">Generated <time datetime="${e(data.generatedAt.toISOString())}">${e(readableTime(data.generatedAt))}</time> · answered by <span id="engine">${e(data.engine)}</span></p></header>
<nav>${data.sections.map((s) => `<a href="#${s.id}">${e(s.title)}</a>`).join('')}</nav>
<main>
${sections.join('\n')}
</main></body></html>
`;
}

async function renderSection(section: Section, data: DashboardData, options: PageOptions): Promise<string> {
  const panels = await Promise.all(section.panels.map((panel) => renderPanel(panel, options)));
  const month =
    section.id === 'orders' && data.ordersMonth && options.monthForm ? monthForm(data.ordersMonth) : '';
  return `<section id="${section.id}" data-section="${section.id}"><h2>${e(section.title)}</h2>
${section.error ? `<p class="error">No data: ${e(section.error)}</p>` : ''}
${section.tiles.length ? `<div class="tiles">${section.tiles.map(tile).join('')}</div>` : ''}
${reportsTable(section.reports)}${month}
<div class="panels">${panels.join('\n')}</div></section>`;
}

function tile(t: KpiTile): string {
  const note = t.note ? `<div class="note">${e(t.note)}</div>` : '';
  return `<div class="tile"><div class="label">${e(t.label)}</div><div class="value">${e(formatValue(t.value, t.format))}</div>${note}</div>`;
}

async function renderPanel(panel: Panel, options: PageOptions): Promise<string> {
  const chartRows = panel.chartRows ?? panel.rows;
  const chart =
    panel.chart && chartRows.length > 0
      ? `<div class="chart" data-chart="${e(panel.query)}">${await renderChartSvg(panel.chart, chartRows)}</div>`
      : '';
  const description = panel.description ? `<p class="description">${e(panel.description)}</p>` : '';
  return `<article class="panel" data-panel="${e(panel.query)}"><h3>${e(panel.title)}</h3>${description}${chart}
${dataTable(panel, options.maxTableRows ?? 500)}</article>`;
}

function dataTable(panel: Panel, maxRows: number): string {
  const shown = panel.rows.slice(0, maxRows);
  const head = panel.columns.map((c) => `<th${numeric(c)}>${e(c.title)}</th>`).join('');
  const body = shown.map((row) => `<tr>${panel.columns.map((c) => cell(row, c)).join('')}</tr>`).join('');
  const count = formatValue(panel.rows.length, 'integer');
  const caption =
    shown.length < panel.rows.length
      ? `first ${formatValue(shown.length, 'integer')} of ${count} rows`
      : `${count} ${panel.rows.length === 1 ? 'row' : 'rows'}`;
  return `<div class="table-wrap"><table data-query="${e(panel.query)}" data-rows="${panel.rows.length}"><caption>${caption}</caption>
<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function cell(row: Record<string, unknown>, column: TableColumn): string {
  return `<td${numeric(column)}>${e(formatValue(row[column.field], column.format))}</td>`;
}

function numeric(column: TableColumn): string {
  return column.format === 'text' ? '' : ' class="num"';
}

function reportsTable(reports: Record<string, RunReport>): string {
  const rows = Object.entries(reports).map(
    ([step, r]) =>
      `<tr><td>${e(step)}</td><td class="num">${formatValue(r.read, 'integer')}</td><td class="num">${formatValue(r.kept, 'integer')}</td><td>${e(byReason(r.dropped))}</td><td>${e(byReason(r.rejected))}</td><td class="num">${e(formatValue(r.durationMs, 'integer'))} ms</td></tr>`,
  );
  if (rows.length === 0) return '';
  return `<table class="reports" data-reports><caption>Run reports</caption><thead><tr><th>step</th><th class="num">read</th><th class="num">kept</th><th>dropped</th><th>rejected</th><th class="num">took</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** `{ 'invalid-date': 155, 'ragged-row': 90 }` as `invalid date 155 · ragged row 90`. */
export function byReason(counts: Record<string, number>): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return 'none';
  return entries
    .map(([reason, n]) => `${reason.replaceAll('-', ' ')} ${formatValue(n, 'integer')}`)
    .join(' · ');
}

function monthForm({ month, months }: { month: string; months: string[] }): string {
  const options = months.map((m) => `<option${m === month ? ' selected' : ''}>${e(m)}</option>`).join('');
  return `<form class="month" method="get" action="#orders"><label>Largest orders of <select name="month">${options}</select></label> <button type="submit">Show</button></form>`;
}

function readableTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
