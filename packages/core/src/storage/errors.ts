/** Thrown when a key is not a safe, portable object key. */
export class InvalidObjectKeyError extends Error {
  override readonly name = 'InvalidObjectKeyError';
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(
      `invalid object key ${JSON.stringify(key)}: ${problem}; use "/"-separated names like "raw/orders.csv"`,
    );
  }
}

/** Thrown by `get` when the key does not exist. */
export class ObjectNotFoundError extends Error {
  override readonly name = 'ObjectNotFoundError';
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
  }
}
