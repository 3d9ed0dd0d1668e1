import {
  cartAbandonmentQuery,
  lowConversionBrandsQuery,
  topCategoriesByHourQuery,
  topCategoriesByWeekdayQuery,
  uniqueVisitorsQuery,
} from '@sluice/example-ecommerce-batch-stream/queries';
import { barChart, lineChart } from '../chart-specs.js';
import type { Section } from '../model.js';
import { detectionsPerMinute, topDetectedKeys } from '../queries/bots.js';
import { column, records, type SectionInput, total } from './section.js';

const date = column('date', 'day');
const category = column('category', 'category');
const events = column('events', 'events', 'integer');
const detections = column('detections', 'detections', 'integer');
const severity = column('severity', 'severity');
const brand = column('brand', 'brand');
const conversion = column('conversion_rate', 'conversion', 'percent');
const TOP = 10;
/** The batch insights' settings, as the ecommerce pipeline's defaults. */
const INSIGHTS = { top: 3, min_views: 50, max_conversion: 0.05 };

/**
 * Seed 004: bot detections over time and the most flagged keys, then the four batch insights
 * (unique visitors and cart abandonment per day, top categories per hour and weekday, brands
 * viewed much and bought little).
 *
 * @example const section = await botsSection({ engine, reports });
 */
export async function botsSection({ engine, reports }: SectionInput): Promise<Section> {
  const perMinute = records((await engine.run(detectionsPerMinute, {})).rows);
  const keys = records((await engine.run(topDetectedKeys, { top: TOP })).rows);
  const visitors = records((await engine.run(uniqueVisitorsQuery, {})).rows);
  const abandonment = records((await engine.run(cartAbandonmentQuery, {})).rows);
  const byHour = records((await engine.run(topCategoriesByHourQuery, { top: INSIGHTS.top })).rows);
  const byWeekday = records((await engine.run(topCategoriesByWeekdayQuery, { top: INSIGHTS.top })).rows);
  const brands = records((await engine.run(lowConversionBrandsQuery, brandLimits())).rows);
  const carts = total(abandonment, 'cart_sessions');
  return {
    id: 'bots',
    title: 'Bots and shopper insights',
    reports,
    tiles: [
      { label: 'Detections', value: total(perMinute, 'detections'), format: 'integer' },
      {
        label: 'High severity',
        value: total(
          perMinute.filter((row) => row.severity === 'high'),
          'detections',
        ),
        format: 'integer',
      },
      {
        label: 'Late events',
        value: reports.stream?.dropped.late ?? null,
        format: 'integer',
        note: 'past the allowed lateness',
      },
      {
        label: 'Cart abandonment',
        value: carts ? total(abandonment, 'abandoned_sessions') / carts : null,
        format: 'percent',
      },
    ],
    panels: [
      {
        query: detectionsPerMinute.name,
        title: 'Detections over time',
        rows: perMinute,
        columns: [column('minute', 'minute (UTC)'), severity, detections],
        chart: lineChart({
          time: column('time', 'window start (UTC)'),
          measure: detections,
          color: severity,
          tooltip: [column('minute', 'minute (UTC)'), severity, detections],
        }),
        chartRows: perMinute.map((row) => ({ ...row, time: `${String(row.minute)}:00Z` })),
      },
      {
        query: topDetectedKeys.name,
        title: 'Most flagged users',
        rows: keys,
        columns: [
          column('key', 'user'),
          column('windows', 'windows', 'integer'),
          events,
          column('peak_events', 'peak in a window', 'integer'),
          column('high_windows', 'high severity', 'integer'),
        ],
        chart: barChart({
          category: column('key', 'user'),
          measure: column('windows', 'windows', 'integer'),
          horizontal: true,
          tooltip: [column('key', 'user'), column('windows', 'windows', 'integer'), events],
        }),
      },
      {
        query: uniqueVisitorsQuery.name,
        title: 'Unique visitors per day',
        rows: visitors,
        columns: [date, column('unique_visitors', 'visitors', 'integer')],
        chart: barChart({
          category: date,
          measure: column('unique_visitors', 'visitors', 'integer'),
          sortByMeasure: false,
          tooltip: [date, column('unique_visitors', 'visitors', 'integer')],
        }),
      },
      {
        query: cartAbandonmentQuery.name,
        title: 'Cart abandonment per day',
        rows: abandonment,
        columns: [
          date,
          column('cart_sessions', 'sessions with a cart', 'integer'),
          column('abandoned_sessions', 'abandoned', 'integer'),
          column('abandonment_rate', 'rate', 'percent'),
        ],
        chart: barChart({
          category: date,
          measure: column('abandonment_rate', 'rate', 'percent'),
          sortByMeasure: false,
          tooltip: [date, column('abandonment_rate', 'rate', 'percent')],
        }),
      },
      {
        query: topCategoriesByHourQuery.name,
        title: `Top ${INSIGHTS.top} categories per hour (UTC)`,
        rows: byHour,
        columns: [column('hour', 'hour', 'integer'), column('place', 'place', 'integer'), category, events],
        chart: barChart({
          category: column('hour', 'hour'),
          measure: events,
          color: category,
          sortByMeasure: false,
          tooltip: [column('hour', 'hour'), category, events],
        }),
      },
      {
        query: topCategoriesByWeekdayQuery.name,
        title: `Top ${INSIGHTS.top} categories per weekday`,
        rows: byWeekday,
        columns: [column('weekday_name', 'weekday'), column('place', 'place', 'integer'), category, events],
        chart: barChart({
          category: column('weekday_name', 'weekday'),
          measure: events,
          color: category,
          sortByMeasure: false,
          tooltip: [column('weekday_name', 'weekday'), category, events],
        }),
      },
      {
        query: lowConversionBrandsQuery.name,
        title: 'Brands viewed much, bought little',
        description: `At least ${INSIGHTS.min_views} views and under ${INSIGHTS.max_conversion * 100}% bought.`,
        rows: brands,
        columns: [
          brand,
          column('views', 'views', 'integer'),
          column('purchases', 'purchases', 'integer'),
          conversion,
        ],
        chart: barChart({
          category: brand,
          measure: column('views', 'views', 'integer'),
          horizontal: true,
          tooltip: [brand, column('views', 'views', 'integer'), conversion],
        }),
        chartRows: brands.slice(0, TOP),
      },
    ],
  };
}

function brandLimits() {
  return { min_views: INSIGHTS.min_views, max_conversion: INSIGHTS.max_conversion };
}
