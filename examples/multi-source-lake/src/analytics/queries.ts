import { countField, defineQuery } from '@sluice/athena';
import * as z from 'zod/mini';

// Means are taken over sums of values scaled to 1e-4 units and rounded like the incremental
// summarisers (4 decimals for scores, 2 for money and sensors), so both give the same digits.
const mean4 = (column: string) => `round(sum(round(${column} * 10000)) / count(*)) / 10000`;
const mean2 = (column: string) => `round(sum(round(${column} * 10000)) / count(*) / 100) / 100`;
const count = countField();

/** Per-machine averages, alert counts and risk bucket (high > 0.7, medium > 0.4 average priority). */
export const machineSummaryQuery = defineQuery({
  name: 'machine_summary',
  sql: `SELECT machine_id, readings, avg_priority_score, avg_temperature, avg_vibration, alerts,
          CASE WHEN avg_priority_score > 0.7 THEN 'high' WHEN avg_priority_score > 0.4 THEN 'medium' ELSE 'low' END AS risk
        FROM (
          SELECT machine_id, count(*) AS readings, ${mean4('maintenance_priority_score')} AS avg_priority_score,
            ${mean2('temperature')} AS avg_temperature, ${mean2('vibration')} AS avg_vibration,
            count_if(maintenance_priority_score > 0.7) AS alerts
          FROM maintenance GROUP BY machine_id
        ) ORDER BY machine_id`,
  row: z.object({
    machine_id: z.string(),
    readings: count,
    avg_priority_score: z.number(),
    avg_temperature: z.number(),
    avg_vibration: z.number(),
    alerts: count,
    risk: z.enum(['high', 'medium', 'low']),
  }),
});

/** The fleet-wide mean priority over every reading. */
export const fleetPriorityQuery = defineQuery({
  name: 'fleet_priority',
  sql: `SELECT count(*) AS readings, ${mean4('maintenance_priority_score')} AS avg_priority_score FROM maintenance`,
  row: z.object({ readings: count, avg_priority_score: z.nullable(z.number()) }),
});

/** Alerts raised per machine, read from the alert files themselves. */
export const alertCountsQuery = defineQuery({
  name: 'alert_counts',
  sql: `SELECT machine_id, count(*) AS alerts FROM maintenance_alerts GROUP BY machine_id
        ORDER BY alerts DESC, machine_id`,
  row: z.object({ machine_id: z.string(), alerts: count }),
});

/** Customers per value segment. */
export const segmentCountsQuery = defineQuery({
  name: 'segment_counts',
  sql: 'SELECT customer_segment AS segment, count(*) AS customers FROM customers GROUP BY customer_segment ORDER BY 1',
  row: z.object({ segment: z.enum(['HIGH_VALUE', 'MEDIUM_VALUE', 'STANDARD']), customers: count }),
});

// Most frequent label, ties to the alphabetically first, blanks ignored (as CustomerSummariser).
const topLabel = (column: string) =>
  `(SELECT ${column} FROM customers WHERE ${column} IS NOT NULL AND ${column} <> ''
    GROUP BY ${column} ORDER BY count(*) DESC, ${column} LIMIT 1)`;

/** Average purchase and score, satisfaction index (mean 1–10 satisfaction), top category and channel. */
export const customerOverviewQuery = defineQuery({
  name: 'customer_overview',
  sql: `SELECT count(*) AS customers, ${mean2('purchase_amount')} AS avg_purchase_amount,
          ${mean4('customer_value_score')} AS avg_value_score, ${mean4('customer_satisfaction')} AS satisfaction_index,
          ${topLabel('purchase_category')} AS top_category, ${topLabel('purchase_channel')} AS top_channel
        FROM customers`,
  row: z.object({
    customers: count,
    avg_purchase_amount: z.nullable(z.number()),
    avg_value_score: z.nullable(z.number()),
    satisfaction_index: z.nullable(z.number()),
    top_category: z.nullable(z.string()),
    top_channel: z.nullable(z.string()),
  }),
});
