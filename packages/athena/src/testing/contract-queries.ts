import type { StandardSchemaV1 } from '@standard-schema/spec';
import * as z from 'zod/mini';
import { dateParam, defineQuery } from '../define-query.js';
import type { QueryParamValue } from '../query.js';

const orderId = z.union([z.number(), z.bigint()]);
const count = z.number();

const orderRow = z.object({
  orderid: orderId,
  customerid: z.string(),
  orderdate: z.string(),
  status: z.string(),
  amount: z.nullable(z.number()),
});

/** The contract's counts differ only in which orders they count. */
function countOrders<F extends Record<string, StandardSchemaV1<unknown, QueryParamValue>>>(
  name: string,
  where: string,
  params: F,
) {
  return defineQuery({
    name: `contract_count_${name}`,
    sql: `SELECT count(*) AS orders FROM orders WHERE ${where}`,
    params,
    row: z.object({ orders: count }),
  });
}

/**
 * The queries the QueryEngine contract runs against the `orders` table. Exported so a fake engine
 * can script answers for exactly these SQL texts.
 */
export const contractQueries = {
  firstOrders: defineQuery({
    name: 'contract_first_orders',
    sql: 'SELECT orderid, customerid, orderdate, status, amount FROM orders WHERE orderid <= :maxId ORDER BY orderid',
    params: { maxId: z.number() },
    row: orderRow,
  }),
  ordersOfCustomer: defineQuery({
    name: 'contract_orders_of_customer',
    sql: 'SELECT orderid FROM orders WHERE customerid = :customer ORDER BY orderid',
    params: { customer: z.string() },
    row: z.object({ orderid: orderId }),
  }),
  countByStatus: countOrders('by_status', 'status = :status', { status: z.string() }),
  countOnDay: countOrders('on_day', 'orderdate = :day', { day: dateParam() }),
  countBefore: countOrders('before', 'CAST(orderdate AS timestamp) < :before', { before: z.date() }),
  missingAmounts: defineQuery({
    name: 'contract_missing_amounts',
    sql: 'SELECT orderid, amount FROM orders WHERE amount IS NULL ORDER BY orderid',
    row: z.object({ orderid: orderId, amount: z.null() }),
  }),
  totalsByStatus: defineQuery({
    name: 'contract_totals_by_status',
    sql: 'SELECT status, count(*) AS orders, sum(amount) AS total FROM orders GROUP BY status ORDER BY status',
    row: z.object({ status: z.string(), orders: count, total: z.number() }),
  }),
  allOrderIds: defineQuery({
    name: 'contract_all_order_ids',
    sql: 'SELECT orderid FROM orders ORDER BY orderid',
    row: z.object({ orderid: orderId }),
  }),
  badColumn: defineQuery({
    name: 'contract_bad_column',
    sql: 'SELECT no_such_column FROM orders',
    row: z.object({ no_such_column: z.unknown() }),
  }),
  statusAsNumber: defineQuery({
    name: 'contract_status_as_number',
    sql: 'SELECT orderid, status FROM orders WHERE orderid <= :maxId ORDER BY orderid',
    params: { maxId: z.number() },
    row: z.object({ orderid: orderId, status: z.number() }),
  }),
};

/** SQL the contract sends through `execute` (positional `?`, no row schema). */
export const CONTRACT_EXECUTE_SQL = 'SELECT count(*) AS orders FROM orders WHERE status = ?';
