import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, eventsCsv, ordersCsv, sqlTimestamp, writeLines } from './index.js';

const digest = (lines: Iterable<string | Uint8Array>) => {
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line);
  return hash.digest('hex');
};

describe('generators', () => {
  it.each(Object.keys(DATASETS))('%s: same seed gives the same bytes, another seed other bytes', (name) => {
    const { generate } = DATASETS[name] as (typeof DATASETS)[string];
    expect(digest(generate({ rows: 300, seed: 7 }))).toBe(digest(generate({ rows: 300, seed: 7 })));
    expect(digest(generate({ rows: 300, seed: 7 }))).not.toBe(digest(generate({ rows: 300, seed: 8 })));
  });

  it.each(Object.entries(DATASETS))(
    '%s: produces exactly the rows asked for',
    (_, { extension, generate }) => {
      const lines = [...generate({ rows: 1234 })];
      expect(lines.length).toBe(extension === 'csv' ? 1235 : 1234);
    },
  );

  it('spoils about the share of orders asked for', () => {
    const lines = [...ordersCsv({ rows: 20_000, dirty: 0.1 })].slice(1) as string[];
    const clean =
      /^O\d{8},C\d{6},\d{4}-\d{2}-\d{2},(confirmed|shipped|pending|cancelled|canceled|Pending ),\d+\.\d{2}\n$/;
    const spoiled = lines.filter((line) => !clean.test(line) || line.includes('-02-30')).length;
    expect(spoiled / lines.length).toBeGreaterThan(0.06);
    expect(spoiled / lines.length).toBeLessThan(0.12);
    expect(
      [...ordersCsv({ rows: 5000, dirty: 0 })].slice(1).every((line) => clean.test(line as string)),
    ).toBe(true);
  });

  it('writes events with bots bursting more than 10 events within 10 seconds', () => {
    const lines = ([...eventsCsv({ rows: 20_000, bots: 0.05 })] as string[]).slice(1);
    const perUserWindow = new Map<string, number>();
    for (const line of lines) {
      const fields = line.split(',');
      const window = Math.floor(Date.parse(`${fields[0]?.slice(0, 19).replace(' ', 'T')}Z`) / 10_000);
      const key = `${fields[7]}@${window}`;
      perUserWindow.set(key, (perUserWindow.get(key) ?? 0) + 1);
    }
    expect([...perUserWindow.values()].filter((count) => count > 10).length).toBeGreaterThan(0);
    expect(lines.every((line) => line.split(',')[3]?.length === 19)).toBe(true);
  });

  it('streams to a file and keeps raw Windows-1252 bytes in the customers file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'sluice-gen-')), 'customers.csv');
    const written = await writeLines(file, DATASETS.customers?.generate({ rows: 2000 }) ?? [], {
      progress: false,
    });
    const bytes = await readFile(file);
    expect(written).toBe(2001);
    expect(bytes.includes(Buffer.from([0x2c, 0xc9, 0x76, 0x72, 0x79]))).toBe(true);
    expect(bytes.includes(Buffer.from(',Évry', 'utf8'))).toBe(true);
  });
});

describe('sqlTimestamp', () => {
  it('writes the UTC time of any epoch ms, forwards, backwards and across days', () => {
    const times = [0, 999, 86_399_999, 86_400_000, -1, -86_400_001, Date.parse('2019-11-01T23:59:59.999Z')];
    for (let ms = Date.parse('2024-02-28T23:00:00Z'); ms < Date.parse('2024-03-01T01:00:00Z'); ms += 777_777)
      times.push(ms, ms - 5_000_000);
    for (const ms of times)
      expect(sqlTimestamp(ms)).toBe(new Date(ms).toISOString().slice(0, 19).replace('T', ' '));
  });
});
