import type { AthenaFake } from './athena-fake.js';
import type { FakeOutcome, FakeQueryPlan, FakeStartRequest } from './athena-fake-types.js';
import { type AthenaLiteralValue, parseAthenaLiteral } from './athena-literals.js';
import { CONTRACT_ORDER_COLUMNS, type ContractOrder, contractOrders } from './contract-orders.js';
import { CONTRACT_EXECUTE_SQL, contractQueries as q } from './contract-queries.js';

type Answer = (params: AthenaLiteralValue[], orders: ContractOrder[]) => FakeOutcome;
type Cell = string | number | bigint | null;
type ContractColumnName = (typeof CONTRACT_ORDER_COLUMNS)[number]['name'];

/**
 * Scripts the fake to answer the QueryEngine contract's queries from the canned `orders` rows,
 * evaluating each query in TypeScript over the parameters it actually received (parsed back from
 * their SQL literals). A parameter of the wrong SQL type fails the query as Athena would.
 *
 * @example describeQueryEngineContract('athena (fake)', () => createAthenaEngine({ client: scriptContractOrders(fake).clientConfig() }));
 */
export function scriptContractOrders(fake: AthenaFake): AthenaFake {
  const orders = contractOrders();
  for (const [sql, answer] of ANSWERS) fake.script(sql, (request) => plan(request, answer, orders));
  return fake;
}

function plan(request: FakeStartRequest, answer: Answer, orders: ContractOrder[]): FakeQueryPlan {
  try {
    return { runningPolls: 1, outcome: answer(request.parameters.map(parseAthenaLiteral), orders) };
  } catch (error) {
    const reason = `TYPE_MISMATCH: ${(error as Error).message}`;
    return { outcome: { state: 'FAILED', reason, errorCategory: 2, errorType: 1101, retryable: false } };
  }
}

const ORDER_COLUMNS = CONTRACT_ORDER_COLUMNS.map((c) => ({ ...c }));
const COUNT_COLUMN = [{ name: 'orders', type: 'bigint' }];

/** The contract table's columns of these names, typed as the table declares them. */
function orderColumns(...names: ContractColumnName[]): { name: string; type: string }[] {
  return ORDER_COLUMNS.filter((c) => names.includes(c.name));
}

const ANSWERS: [string, Answer][] = [
  [
    q.firstOrders.sql,
    ([max], orders) => table(ORDER_COLUMNS, orders.filter((o) => o.orderid <= num(max)).map(cells)),
  ],
  [q.ordersOfCustomer.sql, ([c], orders) => ids(orders.filter((o) => o.customerid === str(c)))],
  [q.countByStatus.sql, ([s], orders) => count(orders.filter((o) => o.status === str(s)))],
  [CONTRACT_EXECUTE_SQL, ([s], orders) => count(orders.filter((o) => o.status === str(s)))],
  [q.countOnDay.sql, ([d], orders) => count(orders.filter((o) => o.orderdate === day(d)))],
  [q.countBefore.sql, ([t], orders) => count(orders.filter((o) => Date.parse(o.orderdate) < instant(t)))],
  [q.missingAmounts.sql, (_, orders) => missingAmounts(orders)],
  [q.totalsByStatus.sql, (_, orders) => totalsByStatus(orders)],
  [q.allOrderIds.sql, (_, orders) => ids(orders)],
  [q.statusAsNumber.sql, ([max], orders) => statusOf(orders.filter((o) => o.orderid <= num(max)))],
  [q.badColumn.sql, () => columnNotFound('no_such_column')],
];

function table(columns: { name: string; type: string }[], rows: Cell[][]): FakeOutcome {
  const text = rows.map((row) => row.map((v) => (v === null ? null : String(v))));
  return {
    state: 'SUCCEEDED',
    columns,
    rows: text,
    dataScannedInBytes: 96_512,
    engineExecutionTimeInMillis: 412,
  };
}

function cells(o: ContractOrder): Cell[] {
  return [o.orderid, o.customerid, o.orderdate, o.status, o.amount];
}

function ids(orders: ContractOrder[]): FakeOutcome {
  return table(
    orderColumns('orderid'),
    orders.map((o) => [o.orderid]),
  );
}

function count(orders: ContractOrder[]): FakeOutcome {
  return table(COUNT_COLUMN, [[orders.length]]);
}

function missingAmounts(orders: ContractOrder[]): FakeOutcome {
  return table(
    orderColumns('orderid', 'amount'),
    orders.filter((o) => o.amount === null).map((o) => [o.orderid, null]),
  );
}

function statusOf(orders: ContractOrder[]): FakeOutcome {
  return table(
    orderColumns('orderid', 'status'),
    orders.map((o) => [o.orderid, o.status]),
  );
}

function totalsByStatus(orders: ContractOrder[]): FakeOutcome {
  const totals = new Map<string, { orders: number; total: number }>();
  for (const o of orders) {
    const entry = totals.get(o.status) ?? { orders: 0, total: 0 };
    totals.set(o.status, { orders: entry.orders + 1, total: entry.total + (o.amount ?? 0) });
  }
  const rows = [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([s, t]) => [s, t.orders, t.total]);
  const columns = [{ name: 'status', type: 'varchar' }, ...COUNT_COLUMN, { name: 'total', type: 'double' }];
  return table(columns, rows);
}

function columnNotFound(column: string): FakeOutcome {
  const reason = `COLUMN_NOT_FOUND: line 1:8: Column '${column}' cannot be resolved or requester is not authorized to access requested resources`;
  return { state: 'FAILED', reason, errorCategory: 2, errorType: 1006, retryable: false };
}

function str(value: AthenaLiteralValue | undefined): string {
  if (typeof value !== 'string') throw new TypeError(`expected varchar, got ${describe(value)}`);
  return value;
}

function num(value: AthenaLiteralValue | undefined): number | bigint {
  if (typeof value !== 'number' && typeof value !== 'bigint')
    throw new TypeError(`expected a number, got ${describe(value)}`);
  return value;
}

function day(value: AthenaLiteralValue | undefined): string {
  if (typeof value !== 'object' || value === null || !('date' in value))
    throw new TypeError(`expected date, got ${describe(value)}`);
  return value.date;
}

function instant(value: AthenaLiteralValue | undefined): number {
  if (typeof value !== 'object' || value === null || !('timestamp' in value)) {
    throw new TypeError(`expected timestamp, got ${describe(value)}`);
  }
  return value.timestamp.getTime();
}

function describe(value: AthenaLiteralValue | undefined): string {
  return typeof value === 'object' && value !== null
    ? JSON.stringify(value)
    : `${typeof value} ${String(value)}`;
}
