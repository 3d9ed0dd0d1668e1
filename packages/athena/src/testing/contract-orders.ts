import { defineTable, type TableDefinition } from '../tables/table-definition.js';

/** One row of the `orders` table every QueryEngine contract run expects to find. */
export interface ContractOrder {
  /** bigint column; the last row holds 2^53 + 1, which must come back exact (as a bigint). */
  orderid: number | bigint;
  customerid: string;
  /** `YYYY-MM-DD`. */
  orderdate: string;
  status: string;
  /** double column; every value is a multiple of 0.25 so sums are exact on every engine. */
  amount: number | null;
}

/** Columns of the contract `orders` table with their Athena/Trino types. */
export const CONTRACT_ORDER_COLUMNS = [
  { name: 'orderid', type: 'bigint' },
  { name: 'customerid', type: 'varchar' },
  { name: 'orderdate', type: 'date' },
  { name: 'status', type: 'varchar' },
  { name: 'amount', type: 'double' },
] as const;

/** Rows in the contract table: more than one Athena page (1000) and one DuckDB chunk (2048). */
export const CONTRACT_ORDER_COUNT = 2500;

/** An orderid beyond Number.MAX_SAFE_INTEGER, held by the last row. */
export const CONTRACT_BIG_ORDER_ID = 2n ** 53n + 1n;

const STATUSES = ['pending', 'shipped', 'delivered', 'cancelled'] as const;
const FIRST_DAY = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;

/**
 * The contract table's rows, generated deterministically and ordered by orderid.
 * Every 10th row (from the 4th) belongs to customer `o'brien`, whose quote tests parameter
 * binding; every 50th row has a NULL amount.
 *
 * @example const rows = contractOrders(); rows.length // 2500
 */
export function contractOrders(): ContractOrder[] {
  return Array.from({ length: CONTRACT_ORDER_COUNT }, (_, i) => contractOrder(i));
}

function contractOrder(i: number): ContractOrder {
  const last = i === CONTRACT_ORDER_COUNT - 1;
  return {
    orderid: last ? CONTRACT_BIG_ORDER_ID : i + 1,
    customerid: i % 10 === 3 ? "o'brien" : `c${String(i % 37).padStart(3, '0')}`,
    orderdate: new Date(FIRST_DAY + (i % 90) * DAY_MS).toISOString().slice(0, 10),
    status: STATUSES[i % STATUSES.length] ?? 'pending',
    amount: i % 50 === 49 ? null : ((i * 37) % 1000) / 4,
  };
}

/**
 * The contract table as CSV with a header; NULL amounts are empty fields. A backend that loads
 * files (DuckDB) writes this to a temporary file and registers it as `orders`.
 *
 * @example await writeFile(join(dir, 'orders.csv'), contractOrdersCsv());
 */
export function contractOrdersCsv(): string {
  const header = CONTRACT_ORDER_COLUMNS.map((c) => c.name).join(',');
  const lines = contractOrders().map((o) =>
    [o.orderid, o.customerid, o.orderdate, o.status, o.amount ?? ''].join(','),
  );
  return `${header}\n${lines.join('\n')}\n`;
}

/**
 * The contract's orders as a CSV table over `location`, varchar columns read as `string`: what an
 * engine backed by files registers before the contract suite runs.
 *
 * @example
 * await writeFile(join(dir, 'orders.csv'), contractOrdersCsv());
 * const engine = await createDuckDbEngine({ tables: [contractOrdersTable(join(dir, 'orders.csv'))] });
 */
export function contractOrdersTable(location: string): TableDefinition {
  const columns = CONTRACT_ORDER_COLUMNS.map(({ name, type }) => ({
    name,
    type: type === 'varchar' ? 'string' : type,
  }));
  return defineTable({ name: 'orders', format: 'csv', location, columns });
}
