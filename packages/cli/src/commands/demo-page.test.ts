import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReports, demoTables } from './demo-page.js';
import { PageRequestError, serveDashboard } from './demo-server.js';

/** A raw GET with any Host header (fetch would not send a foreign one). */
function get(port: number, path: string, host: string, method = 'GET') {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers: { host } }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on('error', reject).end();
    },
  );
}

describe('serveDashboard', () => {
  let port = 0;
  let server: Awaited<ReturnType<typeof serveDashboard>>;
  const asked: string[] = [];
  beforeAll(async () => {
    server = await serveDashboard(async (query) => {
      const month = query.get('month');
      if (month === 'bad') throw new PageRequestError(400, 'the orders month must look like 2025-06');
      asked.push(month ?? '');
      return `<h1>page ${month ?? ''}</h1>`;
    }, 0);
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('renders the page anew for each request to the address it listens on', async () => {
    const first = await get(port, '/', `127.0.0.1:${port}`);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['content-security-policy']).toContain("default-src 'none'");
    expect((await get(port, '/index.html?month=2025-05', `localhost:${port}`)).body).toBe(
      '<h1>page 2025-05</h1>',
    );
    expect(asked).toEqual(['', '2025-05']);
  });

  it.each([
    ['evil.example', 421],
    [`evil.example:${0}`, 421],
    ['127.0.0.1', 421],
    ['127.0.0.1:1', 421],
    ['localhost.evil.example:0', 421],
  ])('refuses Host %j (DNS rebinding) with %i', async (host, status) => {
    const answer = await get(port, '/', host.replace(':0', `:${port}`));
    expect(answer.status).toBe(status);
  });

  it.each([
    ['/../etc/passwd', 400],
    ['/%2e%2e/%2e%2e/etc/passwd', 400],
    ['/a/../index.html', 400],
    ['/%E0', 400],
    ['/demo-summary.json', 404],
    ['/orders-dashboard/bucket/raw/orders.csv', 404],
    ['/?month=bad', 400],
  ])('answers %s with %i', async (path, status) => {
    expect((await get(port, path, `127.0.0.1:${port}`)).status).toBe(status);
  });

  it('takes GET and HEAD only', async () => {
    expect((await get(port, '/', `127.0.0.1:${port}`, 'POST')).status).toBe(405);
    expect((await get(port, '/', `127.0.0.1:${port}`, 'HEAD')).status).toBe(200);
  });
});

describe('the demo folder as tables', () => {
  it('lists the tables whose files exist, located in the folder, and reads the reports', async () => {
    const out = await mkdtemp(join(tmpdir(), 'sluice-dashboard-tables-'));
    await mkdir(join(out, 'orders-dashboard/bucket/processed'), { recursive: true });
    await mkdir(join(out, 'restaurant-clickstream/restaurant-clickstream/clicks'), { recursive: true });
    const tables = await demoTables(out);
    expect(tables.map((t) => t.name)).toEqual(['processed', 'clicks']);
    expect(tables[1]?.projection?.locationTemplate).toBe(
      `${join(out, 'restaurant-clickstream/restaurant-clickstream')}/clicks/\${datehour}/`,
    );
    const report = { read: 1, kept: 1, dropped: {}, rejected: {}, startedAt: '', durationMs: 1 };
    const summary = [{ name: 'orders-dashboard', result: { reports: { filter: report } } }];
    await writeFile(join(out, 'demo-summary.json'), JSON.stringify(summary));
    expect(await demoReports(join(out, 'demo-summary.json'))).toEqual({
      'orders-dashboard': { filter: report },
    });
    expect(await demoReports(join(out, 'missing.json'))).toEqual({});
  });
});
