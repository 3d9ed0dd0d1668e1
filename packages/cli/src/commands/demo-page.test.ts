import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderSummaryPage } from './demo-page.js';
import { serveDirectory } from './demo-server.js';
import { reportLine, table } from './demo-text.js';

const report = {
  read: 5,
  kept: 2,
  dropped: { stale: 2 },
  rejected: { 'invalid-date': 1 },
  startedAt: '2025-06-30T00:00:00.000Z',
  durationMs: 7,
};

describe('summary page', () => {
  it('escapes every value that comes from the data', () => {
    const html = renderSummaryPage(
      [
        {
          title: 'orders <b>',
          result: {
            pipeline: 'orders',
            reports: { filter: report },
            summary: { note: '<script>alert(1)</script>' },
            queries: [
              {
                name: 'by status',
                rows: [
                  { status: '<img src=x onerror=alert(1)>', n: 3 },
                  { status: 'a&b', n: 1 },
                ],
              },
            ],
          },
        },
      ],
      '2025-06-30',
    );
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('a&#38;b');
    expect(html).toContain('orders &#60;b&#62;');
    expect(html.match(/class="bar"/g)).toHaveLength(2);
  });

  it('escapes quotes for attribute contexts', () => {
    expect(escapeHtml(`"'`)).toBe('&#34;&#39;');
  });
});

describe('demo text', () => {
  it('shows the accounting of a report on one line', () => {
    expect(reportLine('filter', report)).toBe(
      'filter: read 5 = kept 2 + dropped {stale: 2} + rejected {invalid-date: 1} (7 ms)',
    );
  });

  it('aligns query rows in columns', () => {
    expect(
      table([
        { status: 'pending', n: 12 },
        { status: 'shipped', n: 3.5 },
      ]),
    ).toEqual(['status   n', 'pending  12', 'shipped  3.5']);
  });
});

describe('serveDirectory', () => {
  it('serves files of the output directory on loopback and nothing outside it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sluice-serve-'));
    await writeFile(join(root, 'index.html'), '<h1>demo</h1>');
    const server = await serveDirectory(root, 0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const index = await fetch(`${base}/`);
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toContain('text/html');
      expect(await index.text()).toBe('<h1>demo</h1>');
      expect((await fetch(`${base}/missing.csv`)).status).toBe(404);
      expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
      expect((await fetch(`${base}/%E0`)).status).toBe(400);
      expect((await fetch(`${base}/`)).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
