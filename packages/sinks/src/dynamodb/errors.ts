/** Thrown before any AWS call when an item exceeds DynamoDB's 400 KB item limit. */
export class ItemTooLargeError extends Error {
  override readonly name = 'ItemTooLargeError';
  constructor(
    readonly tableName: string,
    readonly key: Record<string, unknown>,
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `item ${JSON.stringify(key)} for table ${tableName} is ${sizeBytes} bytes, over the ${limitBytes}-byte limit`,
    );
  }
}

/**
 * Thrown before any AWS call when a key attribute is longer than DynamoDB allows (2,048 bytes for a
 * partition key, 1,024 for a sort key): no retry can store it, so it is quarantined, not retried.
 */
export class KeyTooLargeError extends Error {
  override readonly name = 'KeyTooLargeError';
  constructor(
    readonly tableName: string,
    readonly attribute: string,
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `key attribute "${attribute}" for table ${tableName} is ${sizeBytes} bytes, over DynamoDB's ${limitBytes}-byte limit`,
    );
  }
}

/** Thrown by `writeBatch` when items stay unprocessed after the retry budget is spent. */
export class UnprocessedItemsError extends Error {
  override readonly name = 'UnprocessedItemsError';
  constructor(
    readonly tableName: string,
    /** The items DynamoDB never confirmed; writing them again is safe (puts are idempotent). */
    readonly remaining: readonly Record<string, unknown>[],
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(
      `${remaining.length} item(s) still unprocessed in table ${tableName} after ${attempts} attempt(s)`,
      options,
    );
  }
}

/** Thrown when an update sets a path inside a map attribute the stored item does not have. */
export class AttributePathError extends Error {
  override readonly name = 'AttributePathError';
  constructor(
    readonly tableName: string,
    /** The paths the update sets, dotted: `Notification.status`. */
    readonly paths: readonly string[],
    options: { cause?: unknown } = {},
  ) {
    super(
      `table ${tableName}: cannot set ${paths.join(', ')}: a map on the path is missing from the item`,
      options,
    );
  }
}

/** Thrown when an item lacks one of the table's key attributes. */
export class MissingKeyAttributeError extends Error {
  override readonly name = 'MissingKeyAttributeError';
  constructor(
    readonly tableName: string,
    readonly attribute: string,
  ) {
    super(`item for table ${tableName} has no key attribute "${attribute}"`);
  }
}
