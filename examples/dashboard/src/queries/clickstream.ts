import { countField, defineQuery } from '@sluice/athena';
import * as z from 'zod/mini';

const count = countField();

/** The time-spent buckets, in order: quarters of the two minutes a click records at most. */
export const TIME_SPENT_BUCKETS = ['under 30 s', '30–60 s', '60–90 s', '90 s or more'] as const;

// Bounds are constants of this file, not values from a request: nothing is pasted from outside.
const BUCKET = `CASE WHEN time_spent < 30 THEN '${TIME_SPENT_BUCKETS[0]}' WHEN time_spent < 60 THEN '${TIME_SPENT_BUCKETS[1]}'
  WHEN time_spent < 90 THEN '${TIME_SPENT_BUCKETS[2]}' ELSE '${TIME_SPENT_BUCKETS[3]}' END`;
const BUCKET_ORDER =
  'CASE WHEN time_spent < 30 THEN 1 WHEN time_spent < 60 THEN 2 WHEN time_spent < 90 THEN 3 ELSE 4 END';
const hours = { from: z.string(), to: z.string() };

/**
 * Clicks per time-spent bucket (the distribution of time spent on a menu item).
 *
 * @example (await engine.run(timeSpentDistribution, ALL_HOURS)).rows // [{ bucket: 'under 30 s', clicks: 4810, … }]
 */
export const timeSpentDistribution = defineQuery({
  name: 'time_spent_distribution',
  sql: `SELECT bucket, bucket_order, COUNT(*) AS clicks, AVG(time_spent) AS avg_time_spent
        FROM (SELECT time_spent, ${BUCKET} AS bucket, ${BUCKET_ORDER} AS bucket_order
              FROM clicks WHERE datehour BETWEEN :from AND :to)
        GROUP BY bucket, bucket_order ORDER BY bucket_order`,
  params: hours,
  row: z.object({ bucket: z.string(), bucket_order: count, clicks: count, avg_time_spent: z.number() }),
});

/**
 * Per menu item, its clicks in each time-spent bucket and their share of the item's clicks: the
 * seed's "menu item × time spent" 100% stacked bar.
 *
 * @example (await engine.run(itemTimeSpent, ALL_HOURS)).rows // [{ element_clicked: 'drink_1', bucket: 'under 30 s', clicks: 80, share: 0.25 }, …]
 */
export const itemTimeSpent = defineQuery({
  name: 'item_time_spent',
  sql: `SELECT element_clicked, item_category, item_number, bucket, bucket_order, COUNT(*) AS clicks,
          CAST(COUNT(*) AS DOUBLE) / SUM(COUNT(*)) OVER (PARTITION BY element_clicked) AS share
        FROM (SELECT element_clicked, item_category, item_number, ${BUCKET} AS bucket, ${BUCKET_ORDER} AS bucket_order
              FROM clicks WHERE datehour BETWEEN :from AND :to)
        GROUP BY element_clicked, item_category, item_number, bucket, bucket_order
        ORDER BY item_category, item_number, element_clicked, bucket_order`,
  params: hours,
  row: z.object({
    element_clicked: z.string(),
    item_category: z.string(),
    item_number: count,
    bucket: z.string(),
    bucket_order: count,
    clicks: count,
    share: z.number(),
  }),
});
