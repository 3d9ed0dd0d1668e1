import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlDate } from '../define-query.js';
import { QueryExecutionError, QueryParamsError, QueryRowError } from '../errors.js';
import type { QueryEngine } from '../query.js';
import { CONTRACT_ORDER_COLUMNS, CONTRACT_ORDER_COUNT, contractOrders } from './contract-orders.js';
import { CONTRACT_EXECUTE_SQL, contractQueries as q } from './contract-queries.js';

/**
 * The behaviour every {@link QueryEngine} backend must show, as one vitest suite.
 *
 * The factory returns an engine whose default database holds a table `orders` with the rows of
 * `contractOrders()` and the columns of `CONTRACT_ORDER_COLUMNS`:
 * `orderid bigint, customerid varchar, orderdate date, status varchar, amount double`
 * (2500 rows; `contractOrdersCsv()` renders them as CSV). The suite checks typed rows, bound params
 * (including quotes and an injection attempt), NULLs, aggregates, streaming across pages, abort,
 * typed SQL and row-schema errors. Engines must report column types as lower-case Athena/Trino
 * names, reject with `signal.reason` when aborted, and throw a `QueryExecutionError` subclass for
 * SQL the engine refuses. `close()` is called after the suite.
 *
 * @example
 * describeQueryEngineContract('duckdb', async () => {
 *   const engine = await createDuckDbEngine();
 *   await engine.execute(`CREATE TABLE orders AS SELECT * FROM read_csv('${csvPath}')`);
 *   return engine;
 * });
 */
export function describeQueryEngineContract(
  name: string,
  factory: () => QueryEngine | Promise<QueryEngine>,
): void {
  describe(`QueryEngine contract: ${name}`, () => {
    const context = { engine: undefined as unknown as QueryEngine };
    beforeAll(async () => {
      context.engine = await factory();
    });
    afterAll(async () => {
      await context.engine?.close?.();
    });
    describeTypedRows(context);
    describeParams(context);
    describeStreaming(context);
    describeErrors(context);
  });
}

interface ContractContext {
  engine: QueryEngine;
}

const orders = contractOrders();

function describeTypedRows(context: ContractContext): void {
  it('returns typed rows with decoded values, column types and stats', async () => {
    const result = await context.engine.run(q.firstOrders, { maxId: 3 });
    expect(result.rows).toEqual(orders.slice(0, 3));
    expect(result.columns).toEqual(CONTRACT_ORDER_COLUMNS.map((c) => ({ ...c })));
    expect(result.stats).toMatchObject({ engine: context.engine.engine, queryId: expect.any(String) });
    expect(result.stats.bytesScanned).toBeGreaterThanOrEqual(0);
    expect(result.stats.costUsd).toBeGreaterThanOrEqual(0);
  });

  it('returns NULL as null', async () => {
    const { rows } = await context.engine.run(q.missingAmounts, {});
    const expected = orders
      .filter((o) => o.amount === null)
      .map((o) => ({ orderid: o.orderid, amount: null }));
    expect(rows).toEqual(expected);
  });

  it('keeps a bigint beyond 2^53 exact', async () => {
    const { rows } = await context.engine.run(q.allOrderIds, {});
    expect(rows.at(-1)).toEqual({ orderid: 2n ** 53n + 1n });
  });

  it('computes aggregates', async () => {
    const { rows } = await context.engine.run(q.totalsByStatus, {});
    expect(rows).toEqual(expectedTotals());
  });
}

function describeParams(context: ContractContext): void {
  it('binds a string param holding a quote', async () => {
    const { rows } = await context.engine.run(q.ordersOfCustomer, { customer: "o'brien" });
    const expected = orders.filter((o) => o.customerid === "o'brien").map((o) => ({ orderid: o.orderid }));
    expect(rows).toEqual(expected);
  });

  it('treats an injection attempt as a value: no rows, nothing executed', async () => {
    for (const status of ["pending'; DROP TABLE orders; --", "' OR '1'='1", 'pending\\', "pending' --"]) {
      const { rows } = await context.engine.run(q.countByStatus, { status });
      expect(rows).toEqual([{ orders: 0 }]);
    }
    const { rows } = await context.engine.run(q.countByStatus, { status: 'pending' });
    expect(rows).toEqual([{ orders: orders.filter((o) => o.status === 'pending').length }]);
  });

  it('binds a date param as a SQL date and a Date as a timestamp', async () => {
    const onDay = await context.engine.run(q.countOnDay, { day: sqlDate('2025-01-05') });
    expect(onDay.rows).toEqual([{ orders: orders.filter((o) => o.orderdate === '2025-01-05').length }]);
    const before = await context.engine.run(q.countBefore, { before: new Date('2025-01-11T00:00:00Z') });
    expect(before.rows).toEqual([{ orders: orders.filter((o) => o.orderdate < '2025-01-11').length }]);
  });

  it('binds positional params through execute and returns untyped rows', async () => {
    const result = await context.engine.execute(CONTRACT_EXECUTE_SQL, ['shipped']);
    expect(result.rows).toEqual([{ orders: orders.filter((o) => o.status === 'shipped').length }]);
  });

  it('rejects params that fail the params schema before running anything', async () => {
    const run = context.engine.run(q.countByStatus, { status: 42 as unknown as string });
    await expect(run).rejects.toBeInstanceOf(QueryParamsError);
  });
}

function describeStreaming(context: ContractContext): void {
  it('streams every row in order across pages', async () => {
    const ids: (number | bigint)[] = [];
    for await (const row of context.engine.stream(q.allOrderIds, {})) ids.push(row.orderid);
    expect(ids).toHaveLength(CONTRACT_ORDER_COUNT);
    expect(ids).toEqual(orders.map((o) => o.orderid));
  });

  it('rejects with the signal reason when aborted before running', async () => {
    const reason = new Error('caller gave up');
    const run = context.engine.run(q.allOrderIds, {}, { signal: AbortSignal.abort(reason) });
    await expect(run).rejects.toBe(reason);
  });

  it('stops a stream when the signal aborts mid-way', async () => {
    const controller = new AbortController();
    const reason = new Error('enough rows');
    let seen = 0;
    const consume = async () => {
      for await (const _ of context.engine.stream(q.allOrderIds, {}, { signal: controller.signal })) {
        seen++;
        if (seen === 1) controller.abort(reason);
      }
    };
    await expect(consume()).rejects.toBe(reason);
    expect(seen).toBeLessThan(CONTRACT_ORDER_COUNT);
  });
}

function describeErrors(context: ContractContext): void {
  it('surfaces SQL the engine refuses as a QueryExecutionError naming the query', async () => {
    const error = await context.engine.run(q.badColumn, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryExecutionError);
    expect((error as QueryExecutionError).details).toMatchObject({
      engine: context.engine.engine,
      queryName: 'contract_bad_column',
    });
    expect((error as Error).message).toMatch(/no_such_column/);
  });

  it('raises a QueryRowError naming the query, row index and field when a row fails its schema', async () => {
    const error = await context.engine.run(q.statusAsNumber, { maxId: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueryRowError);
    expect(error).toMatchObject({ queryName: 'contract_status_as_number', rowIndex: 0, field: 'status' });
  });
}

function expectedTotals(): { status: string; orders: number; total: number }[] {
  const byStatus = new Map<string, { status: string; orders: number; total: number }>();
  for (const o of orders) {
    const entry = byStatus.get(o.status) ?? { status: o.status, orders: 0, total: 0 };
    entry.orders++;
    entry.total += o.amount ?? 0;
    byStatus.set(o.status, entry);
  }
  return [...byStatus.values()].sort((a, b) => a.status.localeCompare(b.status));
}
