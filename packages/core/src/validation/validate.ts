import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { Outcome } from '../outcome/outcome.js';

/**
 * Validates a value with any Standard Schema (zod 4 / zod/mini, valibot, arktype) and turns
 * failures into a rejection whose message names each failing field and its problem.
 *
 * @example
 * const outcome = await validateRecord(TransactionSchema, JSON.parse(body));
 * // { kind: 'rejected', reason: 'schema', message: 'quantity: expected int, received number (1.5)' }
 */
export async function validateRecord<Output>(
  schema: StandardSchemaV1<unknown, Output>,
  value: unknown,
  reason = 'schema',
): Promise<Outcome<Output>> {
  const result = await schema['~standard'].validate(value);
  if (!result.issues) return { kind: 'kept', value: result.value };
  return { kind: 'rejected', reason, message: describeIssues(result.issues) };
}

/** `quantity: expected int; unit_price: too small` — one clause per issue, fields as dotted paths. */
export function describeIssues(issues: readonly StandardSchemaV1.Issue[]): string {
  return issues.map((issue) => `${fieldOf(issue) || '(record)'}: ${issue.message}`).join('; ');
}

function fieldOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? [])
    .map((segment) => (typeof segment === 'object' ? segment.key : segment))
    .map(String)
    .join('.');
}
