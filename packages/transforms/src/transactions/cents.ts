/**
 * `quantity × unitPrice` in integer cents, computed exactly on the decimal the price was written as
 * (so 0.1 × 3 is 30 cents, not 30.000000000000004), then rounded half-up to a cent, ties away from
 * zero: 0.125 × 1 → 13 cents, 1.005 × 1 → 101 cents. Undefined when the total exceeds 2^53 cents.
 *
 * @example totalCents(3, 0.1) // 30
 */
export function totalCents(quantity: number, unitPrice: number): number | undefined {
  // String() gives the shortest decimal that round-trips the double: `0.1` is 1 × 10^-1.
  const [mantissa = '0', exp = '0'] = String(Math.abs(unitPrice)).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const sign = unitPrice < 0 ? -1n : 1n;
  const scaled = BigInt(quantity) * sign * BigInt(whole + fraction);
  const shift = Number(exp) - fraction.length + 2;
  const cents = shift >= 0 ? scaled * 10n ** BigInt(shift) : divideRounded(scaled, 10n ** BigInt(-shift));
  const total = Number(cents);
  return Number.isSafeInteger(total) ? total : undefined;
}

/** Integer division rounding half-up, ties away from zero (commercial rounding). */
function divideRounded(numerator: bigint, divisor: bigint): bigint {
  const quotient = numerator / divisor;
  const twiceRemainder = 2n * (numerator % divisor);
  if (twiceRemainder >= divisor) return quotient + 1n;
  if (-twiceRemainder >= divisor) return quotient - 1n;
  return quotient;
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
