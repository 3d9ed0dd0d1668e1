import { headerColumns } from '@sluice/core/codecs';
import { OrderColumnNotFoundError } from './errors.js';

/** Header names (compared normalised: lower-case, no spaces, `_` or `-`) that hold each field. */
export const ORDER_COLUMN_CANDIDATES = {
  status: ['status', 'orderstatus'],
  orderDate: ['orderdate', 'date', 'order_date'],
} as const;

/** Header names that override the candidates, e.g. `{ orderDate: 'Placed On' }`. */
export interface OrderColumnNames {
  status?: string;
  orderDate?: string;
}

/** Indexes of the status and order-date columns in a header. */
export interface OrderColumns {
  status: number;
  orderDate: number;
}

/**
 * Finds the status and order-date columns of a header, or throws {@link OrderColumnNotFoundError}.
 *
 * @example
 * findOrderColumns(['OrderID', 'Status', 'OrderDate'], 'orders.csv'); // { status: 1, orderDate: 2 }
 */
export function findOrderColumns(
  header: readonly string[],
  file: string,
  names: OrderColumnNames = {},
): OrderColumns {
  const candidates = {
    status: names.status === undefined ? ORDER_COLUMN_CANDIDATES.status : [names.status],
    orderDate: names.orderDate === undefined ? ORDER_COLUMN_CANDIDATES.orderDate : [names.orderDate],
  };
  const found = headerColumns(header, { required: [], optional: ['status', 'orderDate'], candidates }, file);
  for (const field of ['status', 'orderDate'] as const)
    if (found.at(field) < 0) throw new OrderColumnNotFoundError(file, field, candidates[field], header);
  return { status: found.at('status'), orderDate: found.at('orderDate') };
}
