/** A month for the orders' "largest orders" query that is not `YYYY-MM`. */
export class DashboardMonthError extends Error {
  override readonly name = 'DashboardMonthError';
  constructor(readonly month: string) {
    super(`the orders month must look like 2025-06, got "${month}"`);
  }
}
