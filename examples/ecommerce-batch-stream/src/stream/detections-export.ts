import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EVENTS_BUCKET } from '../layout.js';

/** Where a local run leaves the detections table's items, in the bucket: a DynamoDB export's place. */
export const DETECTIONS_EXPORT_KEY = 'detections/detections.jsonl';

/**
 * Writes the stored detections as JSON Lines (`key`, `window_start`, `window_end` as ISO 8601 UTC,
 * `count`, `severity`), the form a JSON table reads, so the dashboard can chart them over time.
 * Returns the file written.
 *
 * @example await writeDetectionsExport('out/ecommerce', run.items);
 */
export async function writeDetectionsExport(
  dir: string,
  items: readonly Record<string, unknown>[],
): Promise<string> {
  const file = join(dir, EVENTS_BUCKET, DETECTIONS_EXPORT_KEY);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, items.map((item) => `${JSON.stringify(exportedDetection(item))}\n`).join(''));
  return file;
}

function exportedDetection(item: Record<string, unknown>) {
  const time = (ms: unknown) => new Date(Number(ms)).toISOString();
  return {
    key: String(item.key),
    window_start: time(item.windowStart),
    window_end: time(item.windowEnd),
    count: Number(item.count),
    severity: String(item.severity),
  };
}
