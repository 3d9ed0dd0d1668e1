import type { Outcome } from '@sluice/core/outcome';
import { describeIssues } from '@sluice/core/validation';
import { parseClickTime } from './created-at.js';
import { ClickEventSchema, type EnrichedClick } from './schema.js';

/** `<category>_<number>`; the category may itself hold underscores (`main_course_12`). */
const ELEMENT = /^(.+)_(\d{1,15})$/;

/** A click is either enriched or rejected: no business rule drops clicks. */
export type ClickOutcome = Exclude<Outcome<EnrichedClick>, { kind: 'dropped' }>;

/**
 * Enriches one click: splits `element_clicked` into `item_category` and `item_number`, repairs
 * and normalises `created_at` to ISO 8601 UTC, and derives the `datehour` partition.
 * Invalid clicks are rejected with a reason (`schema`, `invalid-element`, `invalid-created-at`).
 *
 * @example
 * enrichClick({ element_clicked: 'drink_3', time_spent: 14, source_menu: 'restaurant_name', created_at: '2022-09-11 23:00:00' })
 * // { kind: 'kept', value: { ..., item_category: 'drink', item_number: 3, created_at: '2022-09-11T23:00:00.000Z', datehour: '2022/09/11/23' } }
 */
export function enrichClick(input: unknown): ClickOutcome {
  const parsed = ClickEventSchema.safeParse(input);
  if (!parsed.success) return reject('schema', describeIssues(parsed.error.issues));
  const click = parsed.data;
  const element = ELEMENT.exec(click.element_clicked);
  if (!element) {
    return reject(
      'invalid-element',
      `element_clicked "${click.element_clicked}" is not <category>_<number> (e.g. drink_3)`,
    );
  }
  const createdAt = (click.created_at ?? click.createdAt) as string;
  const time = parseClickTime(createdAt);
  if (!time) return reject('invalid-created-at', `created_at "${createdAt}" is not a timestamp`);
  return {
    kind: 'kept',
    value: {
      element_clicked: click.element_clicked,
      time_spent: click.time_spent,
      source_menu: click.source_menu,
      created_at: time.iso,
      item_category: element[1] as string,
      item_number: Number(element[2]),
      datehour: time.datehour,
    },
  };
}

function reject(reason: string, message: string): ClickOutcome {
  return { kind: 'rejected', reason, message };
}
