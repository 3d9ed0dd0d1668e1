import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ordersHalves } from './orders-halves.js';

const dir = mkdtempSync(join(tmpdir(), 'orders-halves-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'OrderID,Status,OrderDate\n';
const rows = (count: number, ending = '\n') =>
  Array.from({ length: count }, (_, i) => `O${i},pending,2025-01-01${ending}`).join('');

function halvesOf(bytes: string | Buffer, maxRecordBytes = 64) {
  const file = join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, bytes);
  return { bytes: Buffer.from(bytes), halves: ordersHalves(file, maxRecordBytes, 0) };
}

describe('where an orders file can be cut in two', () => {
  it('cuts at the start of a line past the middle, and hands over the header', () => {
    const { bytes, halves } = halvesOf(HEADER + rows(1000));
    expect(halves?.header.toString()).toBe(HEADER);
    const split = halves?.split ?? 0;
    expect(split).toBeGreaterThan(bytes.length / 2);
    expect(bytes[split - 1]).toBe(0x0a);
  });

  it('keeps a UTF-8 byte-order mark out of the header it hands over', () => {
    expect(halvesOf(`\uFEFF${HEADER}${rows(1000)}`).halves?.header.toString()).toBe(HEADER);
  });

  it('accepts CRLF endings, the header keeping its own', () => {
    const crlf = HEADER.replace('\n', '\r\n');
    expect(halvesOf(crlf + rows(1000, '\r\n')).halves?.header.toString()).toBe(crlf);
  });

  it.each([
    [
      'a UTF-16 file',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER + rows(1000), 'utf16le')]),
    ],
    ['a quoted header', `"OrderID",Status,OrderDate\n${rows(1000)}`],
    ['blank lines before the header', `\n\r\n${HEADER}${rows(1000)}`],
    ['lone-CR line endings', (HEADER + rows(1000)).replaceAll('\n', '\r')],
    ['a quote within a record length before the cut', HEADER + rows(540) + 'O,"x",2025-01-01\n' + rows(460)],
    ['no line end after the middle', HEADER + rows(10) + 'x'.repeat(4000)],
  ])('does not cut %s', (_, bytes) => {
    expect(halvesOf(bytes, 4096).halves).toBeUndefined();
  });

  it('cuts when the only quotes lie more than a record length before the cut', () => {
    const early = `O,"x\ny",2025-01-01\n`;
    expect(halvesOf(HEADER + early + rows(1000)).halves).toBeDefined();
  });

  it('does not cut a file under the size it is given', () => {
    const file = join(dir, 'small.csv');
    writeFileSync(file, HEADER + rows(10));
    expect(ordersHalves(file, 64, 1024 * 1024)).toBeUndefined();
  });
});
