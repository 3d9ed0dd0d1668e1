import * as z from 'zod/mini';
import { checkBotEvent } from './event-check.js';

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
 * A rees46 e-commerce event (a CSV row or a JSON record) as zod reads it: {@link checkBotEvent},
 * which reads each field by `BOT_EVENT_RULES`, with its issues as zod issues.
 *
 * @example BotEventSchema.parse({ event_time: '2019-11-01 00:00:00 UTC', event_type: 'view', product_id: '1003461', category_id: '2053013555631882655', category_code: 'electronics.smartphone', brand: 'xiaomi', price: '489.07', user_id: '520088904', user_session: '4d3b30da-a5e4-49df-b1a8-ba5943f1dd33' })
 */
export const BotEventSchema = z.pipe(
  z.unknown(),
  z.transform((input, ctx): BotEvent => {
    const checked = checkBotEvent(input);
    if ('value' in checked) return checked.value;
    for (const { message, path } of checked.issues) ctx.issues.push({ code: 'custom', message, path, input });
    return z.NEVER;
  }),
);

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

/**
 * `"field: problem; …"` from a failed parse, so a rejection names the field.
 *
 * @example describeBotEventIssues(result.error.issues) // 'price: "abc" is not a number'
 */
export function describeBotEventIssues(
  issues: readonly { message: string; path: readonly PropertyKey[] }[],
): string {
  return issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`).join('; ');
}
