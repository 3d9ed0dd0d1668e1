/** Whether retrying a failed record can help: `transient` is retried, `permanent` rejected with `reason`. */
export type ErrorKind = { kind: 'permanent'; reason: string } | { kind: 'transient' };

/** Decides whether an error thrown by `process` is permanent; see {@link classifyError}. */
export type ErrorClassifier = (error: unknown) => ErrorKind;

/**
 * Errors that no retry fixes, by `name`, with the rejection reason they get. Names, not classes,
 * because they come from the AWS SDK and from other packages that core does not import.
 */
export const PERMANENT_ERROR_REASONS: Readonly<Record<string, string>> = {
  NoSuchKey: 'object-not-found',
  NotFound: 'object-not-found',
  ObjectNotFoundError: 'object-not-found',
  ValidationException: 'validation',
  ValidationError: 'validation',
  ItemTooLargeError: 'item-too-large',
  KeyTooLargeError: 'key-too-large',
  MissingKeyAttributeError: 'missing-key-attribute',
};

const TRANSIENT: ErrorKind = { kind: 'transient' };
const MAX_CAUSES = 5;

/**
 * The default classification: an error is permanent when it, or an error in its `cause` chain,
 * carries `permanent: true` (as {@link PermanentError} does; its `reason` is used) or has a name in
 * {@link PERMANENT_ERROR_REASONS} (a deleted object, DynamoDB's `ValidationException`, an item over
 * 400 KB, a key over 2,048 bytes). Everything else (throttling, timeouts, network, bugs) is
 * transient and retried.
 *
 * @example
 * sqsBatchHandler({
 *   process,
 *   onReject,
 *   classifyError: (error) => (error instanceof CsvHeaderError ? permanent('no-header') : classifyError(error)),
 * });
 */
export function classifyError(error: unknown): ErrorKind {
  let current = error;
  for (let depth = 0; depth < MAX_CAUSES && isObject(current); depth++) {
    const reason = permanentReason(current);
    if (reason !== undefined) return permanent(reason);
    current = current.cause;
  }
  return TRANSIENT;
}

/**
 * A permanent classification, for custom classifiers.
 *
 * @example classifyError: (e) => (e instanceof OrderColumnNotFoundError ? permanent('missing-column') : classifyError(e))
 */
export function permanent(reason: string): ErrorKind {
  return { kind: 'permanent', reason };
}

function permanentReason(error: Record<string, unknown>): string | undefined {
  if (error.permanent === true) return typeof error.reason === 'string' ? error.reason : nameOf(error);
  const name = nameOf(error);
  return Object.hasOwn(PERMANENT_ERROR_REASONS, name) ? PERMANENT_ERROR_REASONS[name] : undefined;
}

function nameOf(error: Record<string, unknown>): string {
  return typeof error.name === 'string' ? error.name : 'Error';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
