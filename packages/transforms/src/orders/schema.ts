import * as z from 'zod/mini';
import { DATE_FORMAT_NAMES } from '../dates/date-format-names.js';

/** The two fields of an order the stale rule reads, as found in the CSV (untrimmed text). */
export const OrderFieldsSchema = z.object({
  status: z.string(),
  orderDate: z.string(),
});
export type OrderFields = z.infer<typeof OrderFieldsSchema>;

/** A kept output row: the source fields, unchanged and in the source column order. */
export const OrderRowSchema = z.array(z.string());
export type OrderRow = z.infer<typeof OrderRowSchema>;

const DateFormatSchema = z.enum(DATE_FORMAT_NAMES);

/** The serialisable part of the stale-order configuration (e.g. read from Lambda environment). */
export const StaleOrderOptionsSchema = z.object({
  maxAgeDays: z.optional(z.int().check(z.nonnegative())),
  timeZone: z.optional(z.string().check(z.minLength(1))),
  dateFormats: z.optional(z.array(DateFormatSchema).check(z.minLength(1))),
  staleStatuses: z.optional(z.array(z.string())),
  columns: z.optional(z.object({ status: z.optional(z.string()), orderDate: z.optional(z.string()) })),
});
export type StaleOrderOptionsInput = z.infer<typeof StaleOrderOptionsSchema>;
