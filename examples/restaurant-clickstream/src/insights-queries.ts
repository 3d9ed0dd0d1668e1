import { defineQuery, type QueryEngine } from '@sluice/athena';
import * as z from 'zod/mini';

/** Hours (`yyyy/MM/dd/HH`, inclusive) the insights cover; bounds prune projected partitions. */
export interface InsightsWindow {
  from: string;
  to: string;
}

/** Every hour: the default window. */
export const ALL_HOURS: InsightsWindow = { from: '0000/00/00/00', to: '9999/99/99/99' };

const hours = { from: z.string(), to: z.string() };

const ItemRow = z.object({
  element_clicked: z.string(),
  item_category: z.string(),
  item_number: z.number(),
  clicks: z.number(),
  avg_time_spent: z.number(),
});
const CategoryRow = z.object({ item_category: z.string(), clicks: z.number(), avg_time_spent: z.number() });
const HourRow = z.object({ datehour: z.string(), clicks: z.number() });

/** One menu item's clicks and average time spent (seconds). */
export type ItemClicks = z.infer<typeof ItemRow>;
/** One category's clicks and average time spent (seconds). */
export type CategoryClicks = z.infer<typeof CategoryRow>;
/** Clicks in one `yyyy/MM/dd/HH` hour (UTC). */
export type HourClicks = z.infer<typeof HourRow>;
const IN_WINDOW = 'datehour BETWEEN :from AND :to';

/**
 * Clicks and average time spent per menu item, most clicked first.
 *
 * @example const { rows } = await engine.run(clicksPerItem, ALL_HOURS);
 */
export const clicksPerItem = defineQuery({
  name: 'clicks_per_item',
  sql: `SELECT element_clicked, item_category, item_number, COUNT(*) AS clicks, AVG(time_spent) AS avg_time_spent
        FROM clicks WHERE ${IN_WINDOW}
        GROUP BY element_clicked, item_category, item_number
        ORDER BY clicks DESC, element_clicked`,
  params: hours,
  row: ItemRow,
});

/**
 * Clicks and average time spent per item category (drink, main…), most clicked first.
 *
 * @example const { rows } = await engine.run(clicksPerCategory, ALL_HOURS);
 */
export const clicksPerCategory = defineQuery({
  name: 'clicks_per_category',
  sql: `SELECT item_category, COUNT(*) AS clicks, AVG(time_spent) AS avg_time_spent
        FROM clicks WHERE ${IN_WINDOW}
        GROUP BY item_category
        ORDER BY clicks DESC, item_category`,
  params: hours,
  row: CategoryRow,
});

/**
 * Clicks per hour, by the `datehour` partition (UTC).
 *
 * @example const { rows } = await engine.run(clicksPerHour, { from: '2022/09/11/00', to: '2022/09/11/23' });
 */
export const clicksPerHour = defineQuery({
  name: 'clicks_per_hour',
  sql: `SELECT datehour, COUNT(*) AS clicks FROM clicks WHERE ${IN_WINDOW} GROUP BY datehour ORDER BY datehour`,
  params: hours,
  row: HourRow,
});

/** The insights of seed 001, by query name. */
export interface ClickInsights {
  clicks_per_item: ItemClicks[];
  clicks_per_category: CategoryClicks[];
  clicks_per_hour: HourClicks[];
}

/**
 * Runs the three insights queries on any engine (Athena on AWS, DuckDB locally).
 *
 * @example const insights = await runInsights(engine); insights.clicks_per_category[0]?.item_category
 */
export async function runInsights(
  engine: QueryEngine,
  window: InsightsWindow = ALL_HOURS,
): Promise<ClickInsights> {
  const hours = { from: window.from, to: window.to };
  return {
    clicks_per_item: (await engine.run(clicksPerItem, hours)).rows,
    clicks_per_category: (await engine.run(clicksPerCategory, hours)).rows,
    clicks_per_hour: (await engine.run(clicksPerHour, hours)).rows,
  };
}
