import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, CORPUS_FILES, corpusEntries, isRefusal } from '../../../core/test/csv-corpus/corpus.js';
import { buildCompiledCli, type CompiledCli } from '../compiled-cli.js';

// `sluice orders filter` in two halves on two threads, as a user runs it: the compiled command, with
// the size from which it cuts a file lowered so that small files are cut too. Whatever the file, the
// outputs must be the bytes, rejections and counts of one pass.

let cli: CompiledCli;
beforeAll(() => {
  cli = buildCompiledCli();
}, 120_000);
afterAll(() => cli?.remove());

const TWO_THREADS = { SLUICE_HALVES_MIN_BYTES: '0' };

async function filter(input: string, asOf: string, env: Record<string, string>) {
  const dir = cli.folder(`run-${Math.random().toString(36).slice(2)}`);
  const args = ['orders', 'filter', '--input', input, '--output', join(dir, 'kept.csv'), '--as-of', asOf];
  const ran = await cli.run(args, { env });
  expect(ran.status, ran.stderr).toBe(0);
  const { report, rejected, threads } = JSON.parse(ran.stdout.trim().split('\n').at(-1) ?? '{}');
  const { startedAt: _s, durationMs: _d, ...counts } = report;
  return {
    threads,
    result: { counts, rejected },
    kept: readFileSync(join(dir, 'kept.csv')),
    rejects: readFileSync(join(dir, 'kept.csv.rejects.jsonl'), 'utf8'),
    files: readdirSync(dir).sort(),
  };
}

async function expectOnePass(input: string, asOf: string) {
  const one = await filter(input, asOf, {});
  const two = await filter(input, asOf, TWO_THREADS);
  expect(one.threads).toBe(1);
  expect({ ...two, threads: undefined }).toEqual({ ...one, threads: undefined });
  return { one, two };
}

describe('orders filter in two halves gives what one pass gives', () => {
  const readable = corpusEntries('orders').filter((entry) => !isRefusal(entry.expected.command));
  it.each(readable.map((entry) => entry.file))('on the corpus file %s', async (file) => {
    await expectOnePass(join(CORPUS_FILES, file), CORPUS.orders.asOf);
  });

  const refused = corpusEntries('orders').filter((entry) => isRefusal(entry.expected.command));
  it.each(refused.map((entry) => entry.file))(
    'refusing the corpus file %s in the same words',
    async (file) => {
      const input = join(CORPUS_FILES, file);
      const [one, two] = await Promise.all(
        [{}, TWO_THREADS].map(async (env) => {
          const dir = cli.folder(`refused-${Math.random().toString(36).slice(2)}`);
          const args = ['orders', 'filter', '--input', input, '--output', join(dir, 'kept.csv')];
          const ran = await cli.run([...args, '--as-of', CORPUS.orders.asOf], { env });
          return { status: ran.status, stderr: ran.stderr, stdout: ran.stdout, files: readdirSync(dir) };
        }),
      );
      expect(one.status).toBe(1);
      expect(two).toEqual(one);
    },
  );

  it('on a 3 MB file with quotes, CRLF, lone CR, blank and bad rows on both sides of the cut', async () => {
    const { text, lines } = hostileOrders(60_000, { quotedUpTo: 2_000, quoteAt: -1 });
    const input = join(cli.folder('hostile'), 'orders.csv');
    writeFileSync(input, text);
    const { two } = await expectOnePass(input, '2025-03-31');
    expect(two.threads).toBe(2);
    const { read, kept, dropped, rejected } = two.result.counts;
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(read).toBe(kept + sum(dropped) + sum(rejected));
    expect(two.result.counts.lines).toBe(lines); // counted here, as the file was written
    expect(sum(rejected)).toBeGreaterThan(80);
    // rejections far down the file carry their own line, not one counted from the cut
    const last = two.rejects.trim().split('\n').at(-1) ?? '{}';
    expect(JSON.parse(last).position.line).toBeGreaterThan(lines - 10);
  }, 60_000);

  it('reads on one thread when a quote lies within a record length before the cut', async () => {
    const { text } = hostileOrders(60_000, { quotedUpTo: 0, quoteAt: 30_000 });
    const input = join(cli.folder('quote-near-cut'), 'orders.csv');
    writeFileSync(input, text);
    const { two } = await expectOnePass(input, '2025-03-31');
    expect(two.threads).toBe(1);
  }, 60_000);
});

/**
 * An orders file of `rows` data rows (about 50 bytes each) mixing what the reader must survive, and
 * its count of physical lines: quoted fields with line breaks in the first `quotedUpTo` rows (or one
 * plain quoted field at row `quoteAt`), CRLF and lone-CR endings, blank lines, invalid dates, ragged
 * rows, and an unterminated quote near the end.
 */
function hostileOrders(rows: number, { quotedUpTo, quoteAt }: { quotedUpTo: number; quoteAt: number }) {
  const parts = ['OrderID,CustomerID,OrderDate,Status,Amount\n'];
  let lines = 1;
  const statuses = ['pending', 'cancelled', 'shipped', ' Pending ', 'delivered'];
  for (let i = 1; i <= rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 6) + 1).padStart(2, '0');
    let customer = `C${i % 5000}`;
    if (i <= quotedUpTo && i % 50 === 0) {
      customer = `"Smith,\r\nJr ${i}"`;
      lines += 1;
    } else if (i === quoteAt) customer = '"Smith, Al"';
    let row = `O${i},${customer},2025-${month}-${day},${statuses[i % statuses.length]},${i % 997}.50`;
    if (i % 997 === 0) row = `O${i},C1,31/02/2025,pending,1.00`;
    if (i % 1999 === 0) row = `O${i},C1,2025-01-01`;
    if (i === rows - 3) row = `O${i},"open,2025-01-01,pending,1.00`;
    const ending = i % 4001 === 0 ? '\r' : i % 3 === 0 ? '\r\n' : '\n';
    parts.push(row + ending);
    lines += 1;
    if (i % 7919 === 0) {
      parts.push('\n');
      lines += 1;
    }
  }
  return { text: parts.join(''), lines };
}
