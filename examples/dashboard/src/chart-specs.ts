import { d3Format } from './format.js';
import type { ChartSpec, TableColumn } from './model.js';

// Spec builders for the few chart kinds the page uses: Vega-Lite does the drawing, these only name
// fields, titles and number formats, so axes and tooltips read like the tables below them.

type FieldType = 'nominal' | 'ordinal' | 'quantitative' | 'temporal';

const WIDTH = 440;

function field(column: TableColumn, type: FieldType, extra: Record<string, unknown> = {}) {
  const format = type === 'quantitative' ? d3Format(column.format) : undefined;
  return { field: column.field, type, title: column.title, ...(format && { axis: { format } }), ...extra };
}

function tooltip(columns: readonly TableColumn[]) {
  return columns.map((column) => {
    const numeric = column.format !== 'text';
    const format = numeric ? d3Format(column.format) : undefined;
    return {
      field: column.field,
      title: column.title,
      type: numeric ? 'quantitative' : 'nominal',
      ...(format && { format }),
    };
  });
}

/** Options of {@link barChart}. */
export interface BarChartOptions {
  category: TableColumn;
  measure: TableColumn;
  tooltip: readonly TableColumn[];
  /** Categories down the side (long labels, many bars). Default false: columns. */
  horizontal?: boolean;
  /** Largest first; otherwise in row order. Default true. */
  sortByMeasure?: boolean;
  /** A field coloring the bars, with its legend. */
  color?: TableColumn;
  /** Fixed colors per value of `color` (risk levels: high red, low green). */
  palette?: Readonly<Record<string, string>>;
}

/**
 * Bars of one measure per category.
 *
 * @example barChart({ category: status, measure: orders, tooltip: [status, orders] })
 */
export function barChart(options: BarChartOptions): ChartSpec {
  const sort = options.sortByMeasure === false ? null : options.horizontal ? '-x' : '-y';
  const category = field(options.category, 'nominal', { sort, axis: { labelLimit: 160 } });
  const measure = field(options.measure, 'quantitative');
  const scale = options.palette
    ? { scale: { domain: Object.keys(options.palette), range: Object.values(options.palette) } }
    : {};
  const color = options.color ? { color: field(options.color, 'nominal', scale) } : {};
  return {
    width: WIDTH,
    ...(options.horizontal ? { height: { step: 16 } } : { height: 220 }),
    mark: { type: 'bar', tooltip: true },
    encoding: {
      ...(options.horizontal ? { y: category, x: measure } : { x: category, y: measure }),
      ...color,
      tooltip: tooltip(options.tooltip),
    },
  } as unknown as ChartSpec;
}

/**
 * A time series: a line with a point per row (the points carry the tooltips).
 *
 * @example lineChart({ time: hour, measure: clicks, tooltip: [hour, clicks] })
 */
export function lineChart(options: {
  time: TableColumn;
  measure: TableColumn;
  tooltip: readonly TableColumn[];
  color?: TableColumn;
}): ChartSpec {
  const color = options.color ? { color: field(options.color, 'nominal') } : {};
  return {
    width: WIDTH,
    height: 220,
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: field(options.time, 'temporal', { axis: { format: '%b %d %H:%M', labelAngle: -30 } }),
      y: field(options.measure, 'quantitative'),
      ...color,
      tooltip: tooltip(options.tooltip),
    },
  } as unknown as ChartSpec;
}

/**
 * A 100% stacked bar per category: each bar splits into its parts' shares of the measure.
 *
 * @example stackedShareChart({ category: item, part: bucket, measure: clicks, partOrder: BUCKETS, tooltip })
 */
export function stackedShareChart(options: {
  category: TableColumn;
  part: TableColumn;
  measure: TableColumn;
  partOrder: readonly string[];
  /** A numeric field giving each part's place in the stack (1 first). */
  orderField: string;
  tooltip: readonly TableColumn[];
}): ChartSpec {
  return {
    width: WIDTH,
    height: { step: 14 },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: field(options.category, 'nominal', { sort: null }),
      x: {
        ...field(options.measure, 'quantitative'),
        stack: 'normalize',
        axis: { format: '.0%' },
        title: 'share of clicks',
      },
      color: field(options.part, 'ordinal', { sort: [...options.partOrder], scale: { scheme: 'blues' } }),
      order: { field: options.orderField, type: 'quantitative', sort: 'ascending' },
      tooltip: tooltip(options.tooltip),
    },
  } as unknown as ChartSpec;
}

/**
 * A point per row: two measures against each other, colored by a category with its legend.
 *
 * @example scatterChart({ x: clicks, y: avgTime, color: category, tooltip })
 */
export function scatterChart(options: {
  x: TableColumn;
  y: TableColumn;
  color: TableColumn;
  tooltip: readonly TableColumn[];
}): ChartSpec {
  return {
    width: WIDTH,
    height: 240,
    mark: { type: 'point', filled: true, size: 60, tooltip: true },
    encoding: {
      x: field(options.x, 'quantitative', { scale: { zero: false } }),
      y: field(options.y, 'quantitative', { scale: { zero: false } }),
      color: field(options.color, 'nominal'),
      tooltip: tooltip(options.tooltip),
    },
  } as unknown as ChartSpec;
}
