import * as z from 'zod/mini';

const unit = z.number().check(z.gte(0), z.lte(1));
const count = z.int().check(z.nonnegative());

/** Risk of a machine from its average priority: high > 0.7, medium > 0.4, else low. */
export const RiskLevelSchema = z.enum(['high', 'medium', 'low']);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

/** One machine's readings, summarised. */
export const MachineSummarySchema = z.object({
  machine_id: z.string(),
  readings: count,
  avg_priority_score: unit,
  avg_temperature: z.number(),
  avg_vibration: z.number(),
  alerts: count,
  risk: RiskLevelSchema,
});
export type MachineSummary = z.infer<typeof MachineSummarySchema>;

/** The manufacturing summary: per-machine averages, risk buckets and alert counts. */
export const MaintenanceSummarySchema = z.object({
  readings: count,
  machines: z.array(MachineSummarySchema),
  risk_buckets: z.object({ high: count, medium: count, low: count }),
  alerts: count,
  avg_priority_score: unit,
});
export type MaintenanceSummary = z.infer<typeof MaintenanceSummarySchema>;

/** The ecommerce summary: segment counts, average purchase, satisfaction, top category and channel. */
export const CustomerSummarySchema = z.object({
  customers: count,
  segments: z.object({ HIGH_VALUE: count, MEDIUM_VALUE: count, STANDARD: count }),
  avg_purchase_amount: z.number(),
  avg_value_score: unit,
  /** Mean `Customer_Satisfaction` on its 1–10 scale. */
  satisfaction_index: z.number(),
  top_category: z.nullable(z.string()),
  top_channel: z.nullable(z.string()),
});
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

/** Cross-domain scores, each in [0,1]. */
export const IntegrationScoresSchema = z.object({
  machine_health: unit,
  operational_excellence_score: unit,
  business_health_index: unit,
  data_quality_composite: unit,
});
export type IntegrationScores = z.infer<typeof IntegrationScoresSchema>;
