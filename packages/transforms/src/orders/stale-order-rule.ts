import type { Outcome } from '@sluice/core/outcome';
import { dropped, kept, rejected } from '@sluice/core/outcome';
import type { CalendarDay, DateFormat, ZonedCalendar } from '../dates/index.js';
import { asOfDay, DEFAULT_DATE_FORMATS, parseCalendarDay, zonedCalendar } from '../dates/index.js';
import { InvalidStaleOrderOptionsError } from './errors.js';
import type { OrderFields, StaleOrderOptionsInput } from './schema.js';
import { StaleOrderOptionsSchema } from './schema.js';

/** Statuses whose old orders are stale, compared trimmed and case-insensitively. */
export const DEFAULT_STALE_STATUSES: readonly string[] = ['pending', 'cancelled', 'canceled'];

/** Options of the stale rule; every field has a default. */
export interface StaleOrderRuleOptions extends Omit<StaleOrderOptionsInput, 'dateFormats' | 'columns'> {
  /** Reference date: an instant, epoch ms, or a `YYYY-MM-DD` calendar date. Default: `now()`. */
  asOf?: Date | number | string;
  /** Clock used when `asOf` is absent. Default `Date.now`. */
  now?: () => number;
  dateFormats?: readonly DateFormat[];
}

/** A resolved rule: the reference day and the parsing configuration, built once per run. */
export interface StaleOrderRule {
  readonly asOfDay: CalendarDay;
  readonly maxAgeDays: number;
  readonly dateFormats: readonly DateFormat[];
  readonly zoned: ZonedCalendar;
  readonly staleStatuses: ReadonlySet<string>;
}

/**
 * Resolves options into a rule: validates them, reads `asOf` in the time zone (default UTC).
 *
 * @example
 * const rule = staleOrderRule({ asOf: '2025-03-31', maxAgeDays: 30, timeZone: 'Europe/Paris' });
 */
export function staleOrderRule(options: StaleOrderRuleOptions = {}): StaleOrderRule {
  const { asOf, now, ...serialisable } = options;
  const checked = StaleOrderOptionsSchema.safeParse(serialisable);
  if (!checked.success) throw new InvalidStaleOrderOptionsError(checked.error.message);
  const zoned = zonedCalendar(options.timeZone ?? 'UTC');
  return {
    asOfDay: asOfDay(asOf ?? (now ?? Date.now)(), zoned),
    maxAgeDays: options.maxAgeDays ?? 30,
    dateFormats: options.dateFormats ?? DEFAULT_DATE_FORMATS,
    zoned,
    staleStatuses: new Set((options.staleStatuses ?? DEFAULT_STALE_STATUSES).map(normaliseStatus)),
  };
}

/**
 * True when an order of this status and age is stale: its status is a stale one and it is more
 * than `maxAgeDays` whole days old. An order exactly `maxAgeDays` old is not stale.
 *
 * @example
 * isStale(' Cancelled ', 31, rule); // true with the default 30 days
 * isStale('pending', 30, rule); // false
 */
export function isStale(status: string, ageDays: number, rule: StaleOrderRule): boolean {
  return ageDays > rule.maxAgeDays && rule.staleStatuses.has(normaliseStatus(status));
}

/**
 * Decides one order: `rejected` (`missing-status`, `invalid-date`), `dropped` (`stale`) or `kept`.
 *
 * @example
 * classifyOrder({ status: 'pending', orderDate: '2025-01-01' }, rule); // { kind: 'dropped', reason: 'stale' }
 */
export function classifyOrder(order: OrderFields, rule: StaleOrderRule): Outcome<OrderFields> {
  if (order.status.trim() === '') return rejected('missing-status', 'status is empty');
  const day = parseCalendarDay(order.orderDate, rule.dateFormats, rule.zoned);
  if (day === undefined) {
    const expected = rule.dateFormats.join(' | ');
    return rejected('invalid-date', `order date "${order.orderDate}" is not a date (${expected})`);
  }
  return isStale(order.status, rule.asOfDay - day, rule) ? dropped('stale') : kept(order);
}

function normaliseStatus(status: string): string {
  return status.trim().toLowerCase();
}
