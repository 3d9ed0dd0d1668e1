import type { KeyValueSink } from '@sluice/sinks/dynamodb';

/** The table attribute DynamoDB's time to live reads (epoch seconds). */
export const EXPIRES_AT = 'expiresAt';

/**
 * The detections table with each new item expiring `days` after its window closed: `expiresAt`
 * derives from the item's `windowEnd`, so a redelivered detection is stored identically (a
 * duplicate, never a conflict). DynamoDB's TTL then deletes it at no cost.
 *
 * @example const table = expiringDetections(new DynamoDbSink({ ...DETECTIONS_TABLE }), 30);
 */
export function expiringDetections(table: KeyValueSink, days: number): KeyValueSink {
  const expiresAt = (windowEnd: unknown) => Math.floor(Number(windowEnd) / 1000) + days * 86_400;
  return {
    putIfAbsent: (item, options) =>
      table.putIfAbsent({ ...item, [EXPIRES_AT]: expiresAt(item.windowEnd) }, options),
    upsert: (key, attributes, options) => table.upsert(key, attributes, options),
    updateIf: (key, update, options) => table.updateIf(key, update, options),
    writeBatch: (items, options) =>
      table.writeBatch(
        items.map((item) => ({ ...item, [EXPIRES_AT]: expiresAt(item.windowEnd) })),
        options,
      ),
    get: (key, options) => table.get(key, options),
  };
}
