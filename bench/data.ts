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
