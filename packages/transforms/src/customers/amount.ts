// Optional sign, optional `$`, digits with or without comma thousands groups, optional decimals.
const AMOUNT = /^([-+])?\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

/**
 * Reads a money or count cell as a number: spaces around it, a `$` and thousands separators are
 * allowed (`" $333.80  "`, `"$1,234.50"`); anything else (`"12,5"`, `"N/A"`, `""`) is `undefined`.
 *
 * @example
 * parseAmount(' $333.80  '); // 333.8
 * parseAmount('$1,234.50'); // 1234.5
 * parseAmount('N/A'); // undefined
 */
export function parseAmount(text: string): number | undefined {
  const match = AMOUNT.exec(text.trim());
  if (!match) return undefined;
  const value = Number(`${match[1] ?? ''}${match[2]!.replaceAll(',', '')}${match[3] ?? ''}`);
  return Number.isFinite(value) ? value : undefined;
}
