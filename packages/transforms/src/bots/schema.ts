import * as z from 'zod/mini';
import { parseEventTime } from './event-time.js';

/** Ids stay strings: rees46 category ids have 19 digits, beyond 2^53. A number is only safe below it. */
const id = () =>
  z.union(
    [
      z.string().check(z.trim(), z.minLength(1)),
      z.pipe(
        z.int(),
        z.transform((n) => String(n)),
      ),
    ],
    { error: 'must be a non-empty string or a safe integer' },
  );

/** An optional text column; rees46 leaves category_code, brand and sometimes user_session empty. */
const optionalText = () =>
  z.pipe(
    z.optional(z.nullable(z.string({ error: 'must be a string' }))),
    z.transform((text) => text ?? ''),
  );

const eventTime = z.pipe(
  z.string({ error: 'must be a string like "2019-11-01 00:00:00 UTC"' }),
  z.transform((text, ctx) => {
    const ms = parseEventTime(text);
    if (Number.isNaN(ms))
      ctx.issues.push({ code: 'custom', message: `"${text}" is not "YYYY-MM-DD HH:MM:SS UTC"`, input: text });
    return ms;
  }),
);

const price = z.pipe(
  z.union([z.number(), z.string()], { error: 'must be a number' }),
  z.transform((value, ctx) => {
    const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
    if (!Number.isFinite(n))
      ctx.issues.push({ code: 'custom', message: `"${value}" is not a number`, input: value });
    return n;
  }),
);

/**
 * A rees46 e-commerce event (a CSV row or a JSON record). `event_time` becomes epoch milliseconds
 * (UTC); ids stay strings; `price` may be a numeric string; `ip` is optional.
 *
 * @example BotEventSchema.parse({ event_time: '2019-11-01 00:00:00 UTC', event_type: 'view', product_id: '1003461', category_id: '2053013555631882655', category_code: 'electronics.smartphone', brand: 'xiaomi', price: '489.07', user_id: '520088904', user_session: '4d3b30da-a5e4-49df-b1a8-ba5943f1dd33' })
 */
export const BotEventSchema = z.object(
  {
    event_time: eventTime,
    event_type: z.enum(['view', 'cart', 'remove_from_cart', 'purchase'], {
      error: 'must be view, cart, remove_from_cart or purchase',
    }),
    product_id: id(),
    category_id: id(),
    category_code: optionalText(),
    brand: optionalText(),
    price,
    user_id: id(),
    user_session: optionalText(),
    ip: z.optional(z.string({ error: 'must be a string' })),
  },
  { error: 'must be an object' },
);

/** An event as read (CSV strings or JSON values). */
export type BotEventInput = z.input<typeof BotEventSchema>;
/** A validated event: `event_time` in epoch ms, ids as strings. */
export type BotEvent = z.output<typeof BotEventSchema>;

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
export function describeBotEventIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`).join('; ');
}
