import { countField, defineQuery } from '@sluice/athena';
import * as z from 'zod/mini';

const count = countField();
const rate = z.nullable(z.number());

/**
 * Distinct users with any event, per day.
 *
 * @example (await engine.run(uniqueVisitorsQuery, {})).rows // [{ date: '2019-11-01', unique_visitors: 812 }]
 */
export const uniqueVisitorsQuery = defineQuery({
  name: 'unique_visitors_per_day',
  sql: `SELECT date, count(DISTINCT user_id) AS unique_visitors
        FROM events GROUP BY date ORDER BY date`,
  row: z.object({ date: z.string(), unique_visitors: count }),
});

/**
 * Sessions with a cart event and no purchase, over sessions with a cart event, per day. A session
 * is counted on each day it has events; events without a session cannot be grouped and are left out.
 *
 * @example (await engine.run(cartAbandonmentQuery, {})).rows // [{ date, cart_sessions: 40, abandoned_sessions: 38, abandonment_rate: 0.95 }]
 */
export const cartAbandonmentQuery = defineQuery({
  name: 'cart_abandonment_per_day',
  sql: `WITH sessions AS (
          SELECT date, user_session,
            count_if(event_type = 'cart') > 0 AS carted,
            count_if(event_type = 'purchase') > 0 AS purchased
          FROM events WHERE user_session <> '' GROUP BY date, user_session
        )
        SELECT date, count_if(carted) AS cart_sessions,
          count_if(carted AND NOT purchased) AS abandoned_sessions,
          CAST(count_if(carted AND NOT purchased) AS DOUBLE) / nullif(count_if(carted), 0) AS abandonment_rate
        FROM sessions GROUP BY date ORDER BY date`,
  row: z.object({
    date: z.string(),
    cart_sessions: count,
    abandoned_sessions: count,
    abandonment_rate: rate,
  }),
});

/**
 * The `:top` categories with the most events in each hour of the day (UTC), for timing promotions.
 *
 * @example (await engine.run(topCategoriesByHourQuery, { top: 3 })).rows // [{ hour: 0, category: 'apparel.shoes', events: 120, place: 1 }, …]
 */
export const topCategoriesByHourQuery = defineQuery({
  name: 'top_categories_per_hour',
  sql: `SELECT hour, category, events, place FROM (
          SELECT CAST(date_format(event_time, '%H') AS INTEGER) AS hour, category_code AS category,
            count(*) AS events,
            row_number() OVER (PARTITION BY date_format(event_time, '%H') ORDER BY count(*) DESC, category_code) AS place
          FROM events WHERE category_code <> ''
          GROUP BY date_format(event_time, '%H'), category_code
        ) WHERE place <= :top ORDER BY hour, place`,
  params: { top: z.int().check(z.positive()) },
  row: z.object({ hour: z.number(), category: z.string(), events: count, place: count }),
});

/**
 * The `:top` categories with the most events on each weekday (1 = Monday … 7 = Sunday).
 *
 * @example (await engine.run(topCategoriesByWeekdayQuery, { top: 3 })).rows // [{ weekday: 5, weekday_name: 'Friday', category, events, place: 1 }, …]
 */
export const topCategoriesByWeekdayQuery = defineQuery({
  name: 'top_categories_per_weekday',
  sql: `SELECT weekday, weekday_name, category, events, place FROM (
          SELECT day_of_week(event_time) AS weekday, date_format(event_time, '%W') AS weekday_name,
            category_code AS category, count(*) AS events,
            row_number() OVER (PARTITION BY day_of_week(event_time) ORDER BY count(*) DESC, category_code) AS place
          FROM events WHERE category_code <> ''
          GROUP BY day_of_week(event_time), date_format(event_time, '%W'), category_code
        ) WHERE place <= :top ORDER BY weekday, place`,
  params: { top: z.int().check(z.positive()) },
  row: z.object({
    weekday: count,
    weekday_name: z.string(),
    category: z.string(),
    events: count,
    place: count,
  }),
});

/**
 * Brands that many people look at but few buy: at least `:min_views` views and a view-to-purchase
 * conversion below `:max_conversion`, lowest conversion first. They need more marketing.
 *
 * @example (await engine.run(lowConversionBrandsQuery, { min_views: 100, max_conversion: 0.05 })).rows
 */
export const lowConversionBrandsQuery = defineQuery({
  name: 'low_conversion_brands',
  sql: `SELECT brand, views, purchases, CAST(purchases AS DOUBLE) / views AS conversion_rate FROM (
          SELECT brand, count_if(event_type = 'view') AS views, count_if(event_type = 'purchase') AS purchases
          FROM events WHERE brand <> '' GROUP BY brand
        ) WHERE views >= :min_views AND CAST(purchases AS DOUBLE) / views < :max_conversion
        ORDER BY conversion_rate, views DESC, brand`,
  params: { min_views: z.int().check(z.gte(1)), max_conversion: z.number().check(z.gte(0), z.lte(1)) },
  row: z.object({ brand: z.string(), views: count, purchases: count, conversion_rate: z.number() }),
});
