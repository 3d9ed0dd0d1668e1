import { CsvHeaderError } from './errors.js';

/**
 * The form header names are compared in: lower-case with spaces, `_` and `-` removed, so
 * `" Order_Date "`, `order-date` and `OrderDate` all match.
 *
 * @example normaliseColumnName(' Purchase_Amount ') // 'purchaseamount'
 */
export function normaliseColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Index of the header column whose normalised name equals the first candidate (in candidate
 * order) that any column has; -1 if none does. Two columns with that normalised name are never
 * resolved silently: that is a {@link CsvHeaderError} naming both (and `file`).
 *
 * @example findColumn(['OrderID', ' Order Date '], ['date', 'order_date']) // 1
 */
export function findColumn(header: readonly string[], candidates: readonly string[], file = 'input'): number {
  const names = header.map(normaliseColumnName);
  for (const candidate of candidates) {
    const wanted = normaliseColumnName(candidate);
    const first = names.indexOf(wanted);
    if (first === -1) continue;
    const second = names.indexOf(wanted, first + 1);
    if (second !== -1) throw duplicateColumns(header, first, second, file);
    return first;
  }
  return -1;
}

function duplicateColumns(header: readonly string[], first: number, second: number, file: string) {
  const name = (i: number) => `"${header[i]}" (column ${i + 1})`;
  return new CsvHeaderError(
    `${file}: columns ${name(first)} and ${name(second)} both read as "${normaliseColumnName(header[first] ?? '')}"; rename one`,
    file,
    1,
  );
}
