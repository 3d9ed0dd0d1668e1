import { describe, expect, it } from 'vitest';
import { filterStaleOrders } from './filter-stale-orders.js';

// Rejections stream out as they happen: an input whose every row is rejected is held one chunk and
// one record at a time, never as a growing list of rejections. (Peak RSS at 200 MB is the bench's.)

const ROW_BYTES = 64 * 1024;
const TOTAL_BYTES = 20 * 1024 * 1024;

/** ~20 MB of orders whose dates no format reads, made chunk by chunk (the input is never held whole). */
function* allRejected(): Generator<Buffer> {
  yield Buffer.from('OrderID,CustomerID,OrderDate,Status,Amount\n');
  let n = 0;
  for (let sent = 0; sent < TOTAL_BYTES; ) {
    let text = '';
    while (text.length < ROW_BYTES) text += `O${++n},C${n},someday,pending,${n % 1000}.25\n`;
    sent += text.length;
    yield Buffer.from(text);
  }
  rows = n;
}
let rows = 0;

describe('filterStaleOrders on an all-rejected input', () => {
  it('counts ~20 MB of rejected rows without holding them', async () => {
    let rejected = 0;
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const run = await filterStaleOrders(allRejected(), {
      asOf: '2025-06-30',
      file: 'all-rejected.csv',
      onRejected: () => {
        rejected++;
      },
      afterChunk: () => {
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      },
    });
    let output = 0;
    for await (const bytes of run.csv) output += bytes.length;
    const report = run.report();
    expect(rows).toBeGreaterThan(500_000);
    expect(report).toMatchObject({
      read: rows,
      kept: 0,
      rejected: { 'invalid-date': rows },
      lines: rows + 1,
    });
    expect(rejected).toBe(rows);
    expect(run.rejections).toHaveLength(0);
    expect(output).toBe('OrderID,CustomerID,OrderDate,Status,Amount\n'.length);
    // Generous: holding the rejections would take several hundred MB; the reader needs a few.
    expect(rssPeak - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });
});
