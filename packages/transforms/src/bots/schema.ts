import * as z from 'zod/mini';

/** A validated event: `event_time` in epoch ms (UTC), ids as strings, absent optional text as ''. */
export interface BotEvent {
  event_time: number;
  event_type: 'view' | 'cart' | 'remove_from_cart' | 'purchase';
  product_id: string;
  category_id: string;
  category_code: string;
  brand: string;
  price: number;
  user_id: string;
  user_session: string;
  ip?: string;
}

/** An event as read (CSV strings or JSON values); optional text may also be null. */
export interface BotEventInput {
  event_time: string;
  event_type: BotEvent['event_type'];
  product_id: string | number;
  category_id: string | number;
  category_code?: string | null;
  brand?: string | null;
  price: number | string;
  user_id: string | number;
  user_session?: string | null;
  ip?: string;
}

/**
 * A window whose count passed the flag threshold. Times are epoch ms, `windowEnd` exclusive.
 *
 * @example BotDetectionSchema.parse({ key: '520088904', windowStart: 0, windowEnd: 10000, count: 6, severity: 'flag' })
 */
export const BotDetectionSchema = z.object({
  key: z.string(),
  windowStart: z.number(),
  windowEnd: z.number(),
  count: z.int().check(z.gte(1)),
  /** `high` above the alert threshold, `flag` above the flag threshold. */
  severity: z.enum(['flag', 'high']),
});
export type BotDetection = z.output<typeof BotDetectionSchema>;
