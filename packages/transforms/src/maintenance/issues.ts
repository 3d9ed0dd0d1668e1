import type { StandardSchemaV1 } from '@standard-schema/spec';

/** `temperature: "hot" is not a number; machine_id: …` — one clause per issue, named by column. */
export function describeIssues(issues: readonly StandardSchemaV1.Issue[]): string {
  return issues.map((issue) => `${columnOf(issue) || '(record)'}: ${issue.message}`).join('; ');
}

function columnOf(issue: StandardSchemaV1.Issue): string {
  return (issue.path ?? []).map((key) => String(typeof key === 'object' ? key.key : key)).join('.');
}
