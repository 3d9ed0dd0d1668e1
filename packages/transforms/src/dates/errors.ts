/** Thrown when a configured IANA time zone is unknown to the runtime's Intl data. */
export class InvalidTimeZoneError extends Error {
  override readonly name = 'InvalidTimeZoneError';
  constructor(readonly timeZone: string) {
    super(`unknown time zone "${timeZone}": use an IANA name such as "UTC" or "Europe/Paris"`);
  }
}

/** Thrown when an `asOf` value cannot be read as a calendar date. */
export class InvalidAsOfDateError extends Error {
  override readonly name = 'InvalidAsOfDateError';
  constructor(readonly value: string) {
    super(`asOf "${value}" is not a date: pass a Date or a "YYYY-MM-DD" string`);
  }
}
