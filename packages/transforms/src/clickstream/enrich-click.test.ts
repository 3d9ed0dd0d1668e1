import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enrichClick } from './enrich-click.js';
import { EnrichedClickSchema } from './schema.js';

const click = {
  element_clicked: 'drink_3',
  time_spent: 14,
  source_menu: 'restaurant_name',
  created_at: '2022-09-11 23:00:00',
};

const artefacts: unknown[] = JSON.parse(
  readFileSync(new URL('./fixtures/clicks-u2013-artefacts.json', import.meta.url), 'utf8'),
);

describe('enrichClick', () => {
  it('adds item_category, item_number, an ISO created_at and the datehour', () => {
    expect(enrichClick(click)).toEqual({
      kind: 'kept',
      value: {
        element_clicked: 'drink_3',
        time_spent: 14,
        source_menu: 'restaurant_name',
        created_at: '2022-09-11T23:00:00.000Z',
        item_category: 'drink',
        item_number: 3,
        datehour: '2022/09/11/23',
      },
    });
  });

  it('accepts createdAt as an alias and writes created_at only', () => {
    const { created_at, ...rest } = click;
    const outcome = enrichClick({ ...rest, createdAt: created_at });
    expect(outcome.kind === 'kept' && outcome.value).toMatchObject({
      created_at: '2022-09-11T23:00:00.000Z',
    });
    expect(outcome.kind === 'kept' && 'createdAt' in outcome.value).toBe(false);
  });

  it('keeps underscores of multi-word categories', () => {
    const outcome = enrichClick({ ...click, element_clicked: 'main_course_12' });
    expect(outcome.kind === 'kept' && outcome.value).toMatchObject({
      item_category: 'main_course',
      item_number: 12,
    });
  });

  it('repairs every ingest artefact of the fixture into a valid enriched click', () => {
    const outcomes = artefacts.map(enrichClick);
    expect(outcomes.map((o) => o.kind === 'kept' && o.value.created_at)).toEqual([
      '2022-09-11T23:00:00.000Z',
      '2022-09-11T23:59:59.000Z',
      '2022-09-11T23:15:00.000Z',
      '2022-09-12T03:00:00.000Z',
    ]);
    for (const o of outcomes)
      expect(EnrichedClickSchema.safeParse(o.kind === 'kept' && o.value).success).toBe(true);
  });

  it.each([
    ['schema', 'element_clicked', { ...click, element_clicked: 3 }],
    ['schema', 'time_spent', { ...click, time_spent: '14' }],
    ['schema', 'time_spent', { ...click, time_spent: -1 }],
    ['schema', 'created_at', { ...click, created_at: undefined }],
    ['schema', '(record)', 'not an object'],
    ['invalid-element', 'element_clicked', { ...click, element_clicked: 'drink' }],
    ['invalid-element', 'element_clicked', { ...click, element_clicked: '_3' }],
    ['invalid-created-at', 'created_at', { ...click, created_at: '2022-02-30 10:00:00' }],
  ])('rejects (%s) naming %s', (reason, field, input) => {
    const outcome = enrichClick(input);
    expect(outcome).toMatchObject({ kind: 'rejected', reason });
    expect(outcome.kind === 'rejected' && outcome.message).toContain(field);
  });
});
