import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Line } from '@sluice/datagen';
import { customersCsv, eventsCsv, manufacturingCsv, ordersCsv, writeLines } from '@sluice/datagen';

/** Where generated inputs, outputs and task bundles live (git-ignored). */
export const DATA_DIR = fileURLToPath(new URL('.data/', import.meta.url));

const GENERATORS: Record<string, (rows: number) => Iterable<Line>> = {
  // Clean rows: the three stale-order variants must agree byte for byte.
  orders: (rows) => ordersCsv({ rows, seed: 42, dirty: 0 }),
  events: (rows) => eventsCsv({ rows, seed: 42, dirty: 0 }),
  customers: (rows) => customersCsv({ rows, seed: 42, dirty: 0 }),
  manufacturing: (rows) => manufacturingCsv({ rows, seed: 42, dirty: 0 }),
};

/**
 * The path of a generated CSV of `rows` rows, generating it on first use. Generators are seeded,
 * so a cached file is the file a fresh run would write.
 */
export async function dataset(kind: keyof typeof GENERATORS & string, rows: number): Promise<string> {
  const file = `${DATA_DIR}${kind}-${rows}.csv`;
  if (existsSync(file)) return file;
  const generate = GENERATORS[kind];
  if (!generate) throw new Error(`no generator for ${kind}`);
  process.stderr.write(`generating ${kind} × ${rows.toLocaleString('en')}…\n`);
  await writeLines(`${file}.partial`, generate(rows), { total: rows, label: kind });
  await rename(`${file}.partial`, file); // an interrupted run leaves no half file to reuse
  return file;
}

/** A path for a task's output. */
export function outputFile(name: string): string {
  return `${DATA_DIR}out/${name}`;
}

/**
 * An orders CSV of `rows` rows in which `share` of them (0 to 1, spread evenly) have a date no rule
 * can read, so the stale-order filter rejects exactly those: for measuring memory against rejections.
 */
export async function ordersWithRejections(rows: number, share: number): Promise<string> {
  const percent = Math.round(share * 100);
  const file = `${DATA_DIR}orders-${rows}-rejected-${percent}pct.csv`;
  if (existsSync(file)) return file;
  process.stderr.write(`generating orders × ${rows.toLocaleString('en')} (${percent}% rejected)…\n`);
  const lines = ordersCsv({ rows, seed: 42, dirty: 0 });
  await writeLines(`${file}.partial`, spoilDates(lines, share), { total: rows, label: 'orders' });
  await rename(`${file}.partial`, file);
  return file;
}

function* spoilDates(lines: Iterable<Line>, share: number): Generator<Line> {
  let row = -1; // the header comes first
  for (const line of lines) {
    const spoil = row >= 0 && Math.floor((row + 1) * share) > Math.floor(row * share);
    row++;
    // OrderID,CustomerID,OrderDate,…: the third field becomes text that is no date.
    yield spoil ? String(line).replace(/^([^,]*,[^,]*,)[^,]*/, '$1not-a-date') : line;
  }
}
