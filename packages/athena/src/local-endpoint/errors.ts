/**
 * A request the local endpoint refuses, answered as AWS does: HTTP 400 (500 for internal errors) with
 * `__type` and the service's fields (`AthenaErrorCode` for Athena's `InvalidRequestException`).
 */
export class LocalApiError extends Error {
  override readonly name = 'LocalApiError';
  constructor(
    readonly type: string,
    message: string,
    readonly fields: Record<string, unknown> = {},
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Athena's `InvalidRequestException`, with its `AthenaErrorCode`. */
export function invalidRequest(message: string, code = 'INVALID_INPUT'): LocalApiError {
  return new LocalApiError('InvalidRequestException', message, { AthenaErrorCode: code });
}

/** Glue's `EntityNotFoundException`. */
export function entityNotFound(message: string): LocalApiError {
  return new LocalApiError('EntityNotFoundException', message);
}
