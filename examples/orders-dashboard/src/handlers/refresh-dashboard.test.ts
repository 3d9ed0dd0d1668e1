import { fileURLToPath } from 'node:url';
import { createDuckDbEngine } from '@sluice/athena/duckdb';
import { MemoryObjectStore, readText } from '@sluice/core';
import { ConfigurationError } from '@sluice/core/lambda';
import { describe, expect, it } from 'vitest';
import { processedTable } from '../processed-table.js';
import { refreshDashboardHandler } from './refresh-dashboard.js';

const location = fileURLToPath(new URL('fixtures/processed-orders.csv', import.meta.url));

describe('refreshDashboardHandler', () => {
  it('runs the five queries on the injected engine and saves them under enriched/', async () => {
    const engine = await createDuckDbEngine({
      tables: [processedTable(location)],
    });
    const store = new MemoryObjectStore();
    try {
      const refresh = refreshDashboardHandler({
        engine,
        store,
        env: { ORDERS_BUCKET: 'orders', DASHBOARD_AS_OF: '2025-07-15' },
      });
      const panels = await refresh();
      expect(panels.map((p) => p.name)).toEqual([
        'total_sales_by_customer',
        'monthly_order_volume',
        'order_status_dashboard',
        'average_order_value_per_customer',
        'largest_orders_of_month',
      ]);
      expect(panels[0]?.rows).toEqual([
        { customerid: 'C1', total_spent: 210.5, total_orders: 2 },
        { customerid: 'C2', total_spent: 45.25, total_orders: 2 },
      ]);
      // "last month" of 2025-07-15 is June: O3 (May 31) is left out.
      expect(panels[4]?.rows.map((row) => row.orderid)).toEqual(['O2', 'O1', 'O4']);
      expect(JSON.parse(await readText(store, 'enriched/largest_orders_of_month.json'))).toEqual(
        panels[4]?.rows,
      );
      expect(await readText(store, 'enriched/monthly_order_volume.csv')).toBe(
        'month,total_orders,total_revenue,avg_order_value\n2025-06,3,215.75,71.91666666666667\n2025-05,1,40,40\n',
      );
    } finally {
      await engine.close();
    }
  });

  it('refuses to start without the bucket it writes to', () => {
    expect(() => refreshDashboardHandler({ env: {} })).toThrow(ConfigurationError);
    expect(() => refreshDashboardHandler({ env: {} })).toThrow(/ORDERS_BUCKET/);
  });
});
