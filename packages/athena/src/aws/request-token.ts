import { createHash, randomUUID } from 'node:crypto';

/**
 * The `ClientRequestToken` of a run: with `idempotent`, a SHA-256 of everything that defines the
 * execution (so the same request re-attaches to the same Athena query); otherwise a random UUID.
 * The same token is reused when StartQueryExecution itself is retried after throttling.
 *
 * @example clientRequestToken(true, ['orders_since', sql, "DATE '2025-01-01'"]) // 64 hex chars
 */
export function clientRequestToken(idempotent: boolean, parts: readonly (string | undefined)[]): string {
  if (!idempotent) return randomUUID();
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part ?? ''}\u0000`);
  return hash.digest('hex');
}
