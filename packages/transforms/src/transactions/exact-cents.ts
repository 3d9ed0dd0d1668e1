/** The shortest decimal that round-trips a double: `0.1` is 1 × 10^-1, not 0.1000000000000000055… */
function decimalOf(value: number): { digits: bigint; exponent: number } {
  const [mantissa = '0', exp = '0'] = String(Math.abs(value)).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const sign = value < 0 ? -1n : 1n;
  return { digits: sign * BigInt(whole + fraction), exponent: Number(exp) - fraction.length };
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
 * `quantity × unitPrice` in cents computed on the decimal the price was written as, in integers
 * of any size, rounded half-up (ties away from zero); undefined beyond 2^53 cents. The general path
 * of `totalCents`, which takes a shortcut for prices in whole cents.
 *
 * @example exactTotalCents(1, 1.005) // 101
 */
export function exactTotalCents(quantity: number, unitPrice: number): number | undefined {
  const { digits, exponent } = decimalOf(unitPrice);
  const scaled = BigInt(quantity) * digits;
  const shift = exponent + 2;
  const cents = shift >= 0 ? scaled * 10n ** BigInt(shift) : divideRounded(scaled, 10n ** BigInt(-shift));
  const total = Number(cents);
  return Number.isSafeInteger(total) ? total : undefined;
}
