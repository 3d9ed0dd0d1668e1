import { kept, type Outcome, rejected } from '@sluice/core/outcome';
import { describeIssues } from '@sluice/core/validation';
import type * as z from 'zod/mini';

// What every score shares: rows checked by their schema, parts clamped into [0,1], results
// rounded to 4 decimals.

/** Clamps into [0,1]; NaN becomes 0. */
export function clamp01(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(1, Math.max(0, value));
}

/** Rounds a score to 4 decimals, the precision decisions and outputs use. */
export function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

/**
 * Scores a row that passes its schema; a row that does not is rejected as `reason`, the message
 * naming each failing field.
 *
 * @example scoreValidRow(CustomerSchema, input, 'invalid-customer', (customer) => ({ ...customer, score: 1 }))
 */
export function scoreValidRow<S extends z.ZodMiniType, Scored>(
  schema: S,
  input: unknown,
  reason: string,
  score: (row: z.output<S>) => Scored,
): Outcome<Scored> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return rejected(reason, describeIssues(parsed.error.issues));
  return kept(score(parsed.data));
}
