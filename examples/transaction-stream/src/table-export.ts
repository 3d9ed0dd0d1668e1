import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where a local run leaves the table's items, under its `dir`: what a DynamoDB export gives Athena. */
export const TABLE_EXPORT_FILE = 'table/transactions.jsonl';

/**
 * Writes the table's items as JSON Lines with lower-case keys (`transaction_id`, `product_name`,
 * `quantity`, `unit_price`, `total`, `status`, `notified`), the form a JSON table reads, so the
 * dashboard can query statuses and notifications. Returns the file written.
 *
 * @example await writeTableExport('out/transactions', run.table);
 */
export async function writeTableExport(
  dir: string,
  items: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
): Promise<string> {
  const file = join(dir, TABLE_EXPORT_FILE);
  await mkdir(dirname(file), { recursive: true });
  // In pieces of lines: a million items need not become one string, nor a million writes.
  await pipeline(Readable.from(exportPieces(items)), createWriteStream(file));
  return file;
}

/** Characters of lines written at once. */
const PIECE_CHARS = 256 * 1024;

async function* exportPieces(
  items: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>,
): AsyncGenerator<string> {
  let piece = '';
  for await (const item of items) {
    piece += `${JSON.stringify(exportedItem(item))}\n`;
    if (piece.length < PIECE_CHARS) continue;
    yield piece;
    piece = '';
  }
  if (piece !== '') yield piece;
}

function exportedItem(item: Record<string, unknown>) {
  return {
    transaction_id: String(item.TransactionID),
    product_name: item.ProductName,
    quantity: item.Quantity,
    unit_price: item.UnitPrice,
    total: Number(item.TotalCents) / 100,
    status: item.Status,
    notified: (item.Notification as { status?: string } | undefined)?.status === 'delivered',
  };
}
