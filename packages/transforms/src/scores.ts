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
 * Each factor's given value, else its default; the factors are the defaults' keys, in their order.
 *
 * @example withDefaults({ amount: 0.4, frequency: 0.3 }, { amount: 1 }) // { amount: 1, frequency: 0.3 }
 */
export function withDefaults<K extends string>(
  defaults: Readonly<Record<K, number>>,
  given: Partial<Record<K, number>> = {},
): Record<K, number> {
  const values = { ...defaults } as Record<K, number>;
  for (const factor in defaults) values[factor] = given[factor] ?? defaults[factor];
  return values;
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
