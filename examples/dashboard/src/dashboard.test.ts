import type { QueryDefinition, QueryEngine, QueryParamValue } from '@sluice/athena';
import { describe, expect, it } from 'vitest';
import { collectDashboard } from './collect.js';
import { renderDashboard } from './dashboard.js';
import { formatValue } from './format.js';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const SCRIPT_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const IMG_ESCAPED = '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;';

// Rows a hostile data set would give, by query name: ids, brands and categories carry markup.
const ROWS: Record<string, Record<string, unknown>[]> = {
  monthly_order_volume: [
    { month: '2025-06', total_orders: 2, total_revenue: 4603.909999999999, avg_order_value: 2301.95 },
  ],
  total_sales_by_customer: [
    { customerid: SCRIPT, total_spent: 4603.909999999999, total_orders: 1 },
    { customerid: IMG, total_spent: 12.5, total_orders: 1 },
  ],
  order_status_dashboard: [
    { status: 'shipped', order_count: 2, total_revenue: 4616.41, avg_order_value: 2308.2 },
  ],
  average_order_value_per_customer: [
    { customerid: IMG, number_of_orders: 2, total_spent: 30, avg_order_value: 15 },
  ],
  largest_orders_of_month: [
    { orderid: 'O1', customerid: SCRIPT, orderdate: '2025-06-02', status: 'shipped', amount: 4603.91 },
  ],
  unique_visitors_per_day: [{ date: '2019-11-01', unique_visitors: 1234 }],
  cart_abandonment_per_day: [
    { date: '2019-11-01', cart_sessions: 4, abandoned_sessions: 3, abandonment_rate: 0.75 },
  ],
  top_categories_per_hour: [{ hour: 0, category: SCRIPT, events: 3, place: 1 }],
  top_categories_per_weekday: [{ weekday: 5, weekday_name: 'Friday', category: IMG, events: 3, place: 1 }],
  low_conversion_brands: [
    { brand: SCRIPT, views: 120, purchases: 1, conversion_rate: 1 / 120 },
    { brand: IMG, views: 80, purchases: 0, conversion_rate: 0 },
  ],
  detections_per_minute: [],
  top_detected_keys: [],
};

/** An engine answering each query with the rows above (or none), as the real engines' rows look. */
function hostileEngine(): QueryEngine {
  return {
    engine: 'stub',
    async run<P extends Record<string, QueryParamValue>, R>(query: QueryDefinition<P, R>) {
      const rows = (ROWS[query.name] ?? []) as R[];
      return {
        rows,
        columns: [],
        stats: { engine: 'stub', queryId: 'q', elapsedMs: 0, bytesScanned: 0, costUsd: 0 },
      };
    },
    stream: () => {
      throw new Error('not used');
    },
    execute: () => {
      throw new Error('not used');
    },
  };
}

const sections = ['orders', 'bots'] as const;

describe('the dashboard page', () => {
  it('writes markup from the data as text in tables, chart labels and tooltips', async () => {
    const html = await renderDashboard(hostileEngine(), { sections });
    expect(/<script|<img/i.test(html)).toBe(false);
    const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells).toContain(SCRIPT_ESCAPED);
    expect(cells).toContain(IMG_ESCAPED);
    const labels = [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
    expect(labels.some((label) => label.startsWith('&lt;script&gt;alert(1)'))).toBe(true);
    expect(labels.some((label) => label.startsWith('"&gt;&lt;img src=x'))).toBe(true);
    const tooltips = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1] ?? '');
    expect(tooltips.some((tip) => tip.includes(`customer: ${SCRIPT_ESCAPED}`))).toBe(true);
    expect(tooltips.some((tip) => tip.includes(`brand: ${IMG_ESCAPED}`))).toBe(true);
    expect(tooltips.some((tip) => tip.includes(`category: ${SCRIPT_ESCAPED}`))).toBe(true);
    const ariaLabels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(ariaLabels.some((label) => label.includes(`brand: ${IMG_ESCAPED}`))).toBe(true);
  });

  it('formats numbers: money in cents with separators, shares as percentages', async () => {
    const html = await renderDashboard(hostileEngine(), { sections });
    const has = (text: string) => html.includes(text);
    expect(has('4603.90999')).toBe(false);
    expect(
      ['<td class="num">$4,603.91</td>', '<td class="num">75%</td>', '<td class="num">1,234</td>'].filter(
        has,
      ),
    ).toHaveLength(3);
    const tooltips = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1] ?? '');
    expect(tooltips.filter((tip) => tip.includes('spent: $4,603.91'))).toHaveLength(1);
  });

  it('keeps a section whose query fails, saying why, and names the engine and the time', async () => {
    const failing = {
      ...hostileEngine(),
      run: () => Promise.reject(new Error('Table clicks does not exist <b>')),
    };
    const generatedAt = new Date('2025-06-30T12:00:00Z');
    const data = await collectDashboard(failing, { sections: ['clickstream'], generatedAt });
    expect(data.sections[0]?.error).toBe('Table clicks does not exist <b>');
    const html = await renderDashboard(failing, { sections: ['clickstream'], generatedAt });
    const expected = [
      'No data: Table clicks does not exist &lt;b&gt;',
      '2025-06-30 12:00:00 UTC',
      '<span id="engine">stub</span>',
    ];
    expect(expected.filter((text) => !html.includes(text))).toEqual([]);
  });

  it('binds the orders month as the query parameters', async () => {
    const seen: unknown[] = [];
    const engine = hostileEngine();
    const recording: QueryEngine = {
      ...engine,
      run: (query, params) => {
        if (query.name === 'largest_orders_of_month') seen.push(params);
        return engine.run(query, params);
      },
    };
    await collectDashboard(recording, { sections: ['orders'], ordersMonth: '2025-12' });
    expect(seen).toEqual([{ month_start: '2025-12-01', next_month_start: '2026-01-01' }]);
    await expect(
      collectDashboard(recording, { sections: ['orders'], ordersMonth: "2025-12' OR 1=1" }),
    ).resolves.toMatchObject({
      sections: [{ error: 'the orders month must look like 2025-06, got "2025-12\' OR 1=1"' }],
    });
  });
});

describe('formatValue', () => {
  it.each([
    [4603.909999999999, 'currency', '$4,603.91'],
    [1234567, 'integer', '1,234,567'],
    [0.98034, 'percent', '98%'],
    [0.12345, 'percent', '12.3%'],
    [0.61559, 'score', '0.62'],
    [62.2049, 'seconds', '62.2 s'],
    [12n, 'integer', '12'],
    [null, 'currency', '—'],
    ['C000080', 'text', 'C000080'],
  ] as const)('%s as %s is %s', (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });
});
