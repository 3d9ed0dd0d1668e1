import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectDashboard, type DashboardData, SECTION_IDS } from '@sluice/example-dashboard';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type RunningDashboard, startDashboard } from './dashboard.js';
import { type DemoFixture, runDemoSmall } from './demo-fixture.js';

// Debian's chromium, which .ci/run installs when missing; playwright never downloads a browser here.
const CHROMIUM =
  ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)) ?? which();
const SCREENSHOTS = fileURLToPath(new URL('../../../../out/test/dashboard/', import.meta.url));

function which(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

if (!CHROMIUM)
  console.warn('dashboard browser test skipped: Debian chromium is not installed (apt-get install chromium)');

describe.skipIf(!CHROMIUM)('the dashboard in a browser (chromium)', () => {
  let demo: DemoFixture;
  let dashboard: RunningDashboard;
  let browser: Browser;
  let expected: DashboardData;

  beforeAll(async () => {
    demo = await runDemoSmall('sluice-dashboard-');
    const { data, reports } = demo;
    await writeFile(join(data, 'demo-summary.json'), '[]');
    const engine = await openEngine({ engine: 'duckdb', data });
    expected = await collectDashboard(engine, { reports });
    await engine.close?.();
    dashboard = await startDashboard({ engine: 'duckdb', data }, 0, reports);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await demo?.remove();
  });

  it('shows every section, tables as long as the query results, charts with marks, formatted numbers', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    const requested: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      requested.push(url);
      return new URL(url).hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    const response = await page.goto(dashboard.url);
    expect(response?.status()).toBe(200);

    const sections = await page
      .locator('section[data-section]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-section')));
    expect(sections).toEqual([...SECTION_IDS]);
    expect(await page.locator('.error').count()).toBe(0);
    expect(await page.locator('#engine').textContent()).toBe('duckdb');

    const tables = await page
      .locator('table[data-query]')
      .evaluateAll((nodes) =>
        nodes.map(
          (node) => [node.getAttribute('data-query'), node.querySelectorAll('tbody tr').length] as const,
        ),
      );
    const panels = expected.sections.flatMap((section) => section.panels);
    expect(tables).toEqual(panels.map((panel) => [panel.query, Math.min(panel.rows.length, 500)]));
    expect(panels.filter((panel) => panel.rows.length === 0).map((panel) => panel.query)).toEqual([]);

    const charts = await page
      .locator('[data-chart] svg')
      .evaluateAll((nodes) => nodes.map((svg) => svg.querySelectorAll('.role-mark > *').length));
    expect(charts.length).toBe(panels.filter((panel) => panel.chart).length);
    expect(charts.every((marks) => marks > 0)).toBe(true);

    // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out, one block a line, is what a reader sees
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\d\.\d{3,}/); // no 4603.909999999999
    expect(text).toMatch(/\$\d{1,3}(,\d{3})+\.\d{2}/); // currency with separators
    expect(text).toMatch(/\d{1,3}(\.\d)?%/);
    expect(text).toMatch(/\d{1,3},\d{3}/);
    expect(text).not.toMatch(/[{}]/); // run reports as counts, not JSON

    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requested.filter((url) => new URL(url).hostname !== '127.0.0.1')).toEqual([]);
    await page.close();
  }, 60_000);

  it('re-runs the largest-orders query for the month picked in the form', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(dashboard.url);
    const months = expected.ordersMonth?.months ?? [];
    const other = months.at(-1) as string;
    expect(months.length).toBeGreaterThan(1);
    await page.selectOption('form.month select', other);
    await Promise.all([page.waitForURL(/month=/), page.click('form.month button')]);
    expect(new URL(page.url()).searchParams.get('month')).toBe(other);
    const title = await page.locator('[data-panel="largest_orders_of_month"] h3').textContent();
    expect(title).toBe(`Largest orders of ${other}`);
    const dates = await page
      .locator('table[data-query="largest_orders_of_month"] tbody tr td:nth-child(3)')
      .allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((date) => date.startsWith(other))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, `dashboard-${other}.png`), fullPage: true });
    await page.close();
  }, 30_000);
});
