import {
  ALL_HOURS,
  clicksPerCategory,
  clicksPerHour,
  clicksPerItem,
} from '@sluice/example-restaurant-clickstream/queries';
import { barChart, lineChart, scatterChart, stackedShareChart } from '../chart-specs.js';
import type { Section } from '../model.js';
import { itemTimeSpent, TIME_SPENT_BUCKETS, timeSpentDistribution } from '../queries/clickstream.js';
import { column, records, type SectionInput, total } from './section.js';

const item = column('element_clicked', 'item');
const category = column('item_category', 'category');
const clicks = column('clicks', 'clicks', 'integer');
const avgTime = column('avg_time_spent', 'average time', 'seconds');
const datehour = column('datehour', 'hour (UTC)');
const bucket = column('bucket', 'time spent');
const share = column('share', 'share of item', 'percent');

/**
 * Seed 001's insights over the `clicks` table: clicks per hour, the time-spent distribution, clicks
 * and average time per item and per category, and each item's clicks by time spent.
 *
 * @example const section = await clickstreamSection({ engine, reports });
 */
export async function clickstreamSection({ engine, reports }: SectionInput): Promise<Section> {
  const hours = { from: ALL_HOURS.from, to: ALL_HOURS.to };
  const perHour = records((await engine.run(clicksPerHour, hours)).rows);
  const distribution = records((await engine.run(timeSpentDistribution, hours)).rows);
  const perItem = records((await engine.run(clicksPerItem, hours)).rows);
  const perCategory = records((await engine.run(clicksPerCategory, hours)).rows);
  const byBucket = records((await engine.run(itemTimeSpent, hours)).rows);
  const clickCount = total(perCategory, 'clicks');
  const busiest = perHour.reduce<Record<string, unknown> | undefined>(
    (best, row) => (best === undefined || Number(row.clicks) > Number(best.clicks) ? row : best),
    undefined,
  );
  return {
    id: 'clickstream',
    title: 'Clickstream',
    reports,
    tiles: [
      { label: 'Clicks', value: clickCount, format: 'integer' },
      {
        label: 'Average time spent',
        value: clickCount ? secondsSpent(perCategory) / clickCount : null,
        format: 'seconds',
      },
      { label: 'Menu items', value: perItem.length, format: 'integer' },
      { label: 'Busiest hour (UTC)', value: busiest ? String(busiest.datehour) : null, format: 'text' },
    ],
    panels: [
      {
        query: clicksPerHour.name,
        title: 'Clicks per hour',
        rows: perHour,
        columns: [datehour, clicks],
        chart: lineChart({
          time: column('hour', 'hour (UTC)'),
          measure: clicks,
          tooltip: [datehour, clicks],
        }),
        chartRows: perHour.map((row) => ({ ...row, hour: isoHour(String(row.datehour)) })),
      },
      {
        query: timeSpentDistribution.name,
        title: 'Time spent on an item',
        rows: distribution,
        columns: [bucket, clicks, avgTime],
        chart: barChart({
          category: bucket,
          measure: clicks,
          sortByMeasure: false,
          tooltip: [bucket, clicks, avgTime],
        }),
      },
      {
        query: clicksPerCategory.name,
        title: 'Clicks and average time per category',
        rows: perCategory,
        columns: [category, clicks, avgTime],
        chart: barChart({ category, measure: clicks, color: category, tooltip: [category, clicks, avgTime] }),
      },
      {
        query: clicksPerItem.name,
        title: 'Clicks and average time per item',
        rows: perItem,
        columns: [item, category, column('item_number', 'number', 'integer'), clicks, avgTime],
        chart: scatterChart({
          x: clicks,
          y: avgTime,
          color: category,
          tooltip: [item, category, clicks, avgTime],
        }),
      },
      {
        query: itemTimeSpent.name,
        title: 'Time spent per item (share of its clicks)',
        rows: byBucket,
        columns: [item, category, bucket, clicks, share],
        chart: stackedShareChart({
          category: item,
          part: bucket,
          measure: clicks,
          partOrder: TIME_SPENT_BUCKETS,
          orderField: 'bucket_order',
          tooltip: [item, bucket, clicks, share],
        }),
      },
    ],
  };
}

function secondsSpent(rows: readonly Record<string, unknown>[]): number {
  return rows.reduce((sum, row) => sum + Number(row.clicks) * Number(row.avg_time_spent), 0);
}

/** `2022/09/11/23` as `2022-09-11T23:00:00Z`, for a time axis. */
function isoHour(datehour: string): string {
  const [y, m, d, h] = datehour.split('/');
  return `${y}-${m}-${d}T${h}:00:00Z`;
}
