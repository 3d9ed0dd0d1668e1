import * as z from 'zod/mini';
import type { CsvColumnSpec } from '../csv-columns/index.js';
import { schemaColumns } from '../schema-columns.js';
import { parseAmount } from './amount.js';

/** A number cell of the consumer-behaviour export: `" $333.80  "`, `"1,234"`, `7`. */
const customerNumber = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value, ctx) => {
    const parsed = typeof value === 'number' ? value : parseAmount(value);
    if (parsed !== undefined && Number.isFinite(parsed)) return parsed;
    ctx.issues.push({ code: 'custom', message: `"${value}" is not a number`, input: value });
    return z.NEVER;
  }),
);

const label = z.optional(
  z.pipe(
    z.string(),
    z.transform((text) => text.trim()),
  ),
);

// Real exports pad header names (`" Purchase_Amount "`): keys are trimmed before validation.
const trimmedKeys = z.transform((row: unknown) =>
  row !== null && typeof row === 'object' && !Array.isArray(row)
    ? Object.fromEntries(Object.entries(row).map(([key, value]) => [key.trim(), value]))
    : row,
);

/** The fields of a customer row, its header names trimmed. */
const CustomerFields = z.object({
  Customer_ID: z.string().check(z.trim(), z.minLength(1)),
  Purchase_Amount: customerNumber,
  Frequency_of_Purchase: customerNumber,
  Brand_Loyalty: customerNumber,
  Customer_Satisfaction: customerNumber,
  Purchase_Category: label,
  Purchase_Channel: label,
  Location: label,
});

/** A row of the Kaggle "Ecommerce Consumer Behavior" file (the columns the scoring reads). */
export const CustomerSchema = z.pipe(trimmedKeys, CustomerFields);
/**
 * The columns of the export that scoring reads, by the names {@link CustomerSchema} uses; a CSV
 * header matches them by normalised name (`customer_id`, `" Purchase Amount "`).
 */
export const CUSTOMER_COLUMNS: CsvColumnSpec = /* @__PURE__ */ schemaColumns(CustomerFields);
/** A parsed customer row. */
export type Customer = z.infer<typeof CustomerSchema>;

/** The value segment of a customer. */
export const CustomerSegmentSchema = z.enum(['HIGH_VALUE', 'MEDIUM_VALUE', 'STANDARD']);
export type CustomerSegment = z.infer<typeof CustomerSegmentSchema>;

const number = z.number();
const text = z.optional(z.string());

/** A customer with its value score in [0,1] (4 decimals) and segment. */
export const ScoredCustomerSchema = z.object({
  Customer_ID: z.string(),
  Purchase_Amount: number,
  Frequency_of_Purchase: number,
  Brand_Loyalty: number,
  Customer_Satisfaction: number,
  Purchase_Category: text,
  Purchase_Channel: text,
  Location: text,
  customer_value_score: z.number().check(z.gte(0), z.lte(1)),
  customer_segment: CustomerSegmentSchema,
});
export type ScoredCustomer = z.infer<typeof ScoredCustomerSchema>;
