import * as z from 'zod/mini';
import { dateParam, defineQuery } from '../define-query.js';

const orderId = z.union([z.number(), z.bigint()]);
const count = z.number();

const orderRow = z.object({
  orderid: orderId,
  customerid: z.string(),
  orderdate: z.string(),
  status: z.string(),
  amount: z.nullable(z.number()),
});

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
  countByStatus: defineQuery({
    name: 'contract_count_by_status',
    sql: 'SELECT count(*) AS orders FROM orders WHERE status = :status',
    params: { status: z.string() },
    row: z.object({ orders: count }),
  }),
  countOnDay: defineQuery({
    name: 'contract_count_on_day',
    sql: 'SELECT count(*) AS orders FROM orders WHERE orderdate = :day',
    params: { day: dateParam() },
    row: z.object({ orders: count }),
  }),
  countBefore: defineQuery({
    name: 'contract_count_before',
    sql: 'SELECT count(*) AS orders FROM orders WHERE CAST(orderdate AS timestamp) < :before',
    params: { before: z.date() },
    row: z.object({ orders: count }),
  }),
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
