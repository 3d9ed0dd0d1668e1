import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartSpec } from './model.js';

const CONFIG = {
  font: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
  axis: { labelLimit: 160, titleFontWeight: 600, labelFontSize: 11, titleFontSize: 11 },
  legend: { labelLimit: 160, titleFontWeight: 600 },
  view: { stroke: null },
  range: { category: ['#3b6fb6', '#e0823d', '#4f9d69', '#c34f5b', '#8a6bbf', '#9c7b4f', '#5aa6b8'] },
};

/**
 * Renders a Vega-Lite chart to SVG on the server: vega-lite compiles the spec, vega's headless
 * view draws it (`renderer: 'none'`, no DOM, no canvas, no network). The rows are handed to vega as
 * they are — vega escapes text and attributes itself, so escaping first would show `&amp;lt;`.
 * Each mark keeps its tooltip text as `aria-label` and, for a hover without script, a `<title>`.
 *
 * @example const svg = await renderChartSvg({ mark: 'bar', encoding: {…} }, rows);
 */
export async function renderChartSvg(
  spec: ChartSpec,
  rows: readonly Record<string, unknown>[],
): Promise<string> {
  const full = { config: CONFIG, ...spec, data: { values: rows.map(plainRow) } } as TopLevelSpec;
  const view = new View(parse(compile(full).spec), { renderer: 'none' });
  try {
    return withHoverTitles(await view.toSVG());
  } finally {
    view.finalize();
  }
}

// Vega's expressions do not take bigint; counts beyond 2^53 do not occur on a dashboard axis.
function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    plain[key] = typeof value === 'bigint' ? Number(value) : value;
  return plain;
}

const MARK_WITH_LABEL = /<(path|rect|circle|line)\s([^>]*?)aria-label="([^"]*)"([^>]*?)(?:\/>|><\/\1>)/g;

/**
 * Adds `<title>` (the browser's hover text) inside every mark vega labelled. The label is copied as
 * vega escaped it for the attribute (`&lt; &amp; &quot;`), which is equally safe as element text.
 */
export function withHoverTitles(svg: string): string {
  return svg.replace(
    MARK_WITH_LABEL,
    (_, tag: string, before: string, label: string, after: string) =>
      `<${tag} ${before}aria-label="${label}"${after}><title>${label}</title></${tag}>`,
  );
}
