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
 * Index of the first header (in header order) whose normalised name equals any normalised
 * candidate; -1 if none matches.
 *
 * @example findColumn(['OrderID', ' Order Date '], ['date', 'order_date']) // 1
 */
export function findColumn(header: readonly string[], candidates: readonly string[]): number {
  const wanted = new Set(candidates.map(normaliseColumnName));
  return header.findIndex((name) => wanted.has(normaliseColumnName(name)));
}
