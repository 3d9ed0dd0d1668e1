import { exactTotalCents } from './exact-cents.js';

/**
 * `quantity × unitPrice` in integer cents, computed exactly on the decimal the price was written as
 * (so 0.1 × 3 is 30 cents, not 30.000000000000004), then rounded half-up to a cent, ties away from
 * zero: 0.125 × 1 → 13 cents, 1.005 × 1 → 101 cents. Undefined when the total exceeds 2^53 cents.
 *
 * @example totalCents(3, 0.1) // 30
 */
export function totalCents(quantity: number, unitPrice: number): number | undefined {
  return wholeCentsTotal(quantity, unitPrice) ?? exactTotalCents(quantity, unitPrice);
}

// Below 2^33 a double's spacing is under 1e-6, so a price that is a whole number of cents p (p / 100
// gives it back) was written as that decimal: the total is quantity × p, no rounding involved.
const WHOLE_CENTS_BELOW = 2 ** 33;

/** The total when the price is a whole number of cents and the product is exact in a double. */
function wholeCentsTotal(quantity: number, unitPrice: number): number | undefined {
  if (!(Math.abs(unitPrice) < WHOLE_CENTS_BELOW)) return undefined;
  const priceCents = Math.round(unitPrice * 100);
  if (priceCents / 100 !== unitPrice) return undefined;
  const total = quantity * priceCents + 0; // + 0: -1 × 0 is -0
  return Number.isSafeInteger(total) ? total : undefined;
}

/**
 * Cents as a decimal amount for people: `-1234` → `-12.34`.
 *
 * @example formatCents(30) // '0.30'
 */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
