import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDbEngine, type DuckDbEngine } from '../duckdb-engine.js';
import { CONFORMANCE_CORPUS } from './index.js';
import { runConformanceCase } from './run-case.js';
import { type CategoryOutcomes, conformanceSummary, withSummary } from './summary.js';

const README = new URL('../../../README.md', import.meta.url);

describe('Trino conformance corpus on the DuckDB engine', () => {
  let engine: DuckDbEngine;
  const outcomes: CategoryOutcomes = {};

  beforeAll(async () => {
    engine = await createDuckDbEngine();
    for (const [category, cases] of Object.entries(CONFORMANCE_CORPUS)) {
      outcomes[category] = [];
      for (const testCase of cases) {
        outcomes[category].push({ testCase, outcome: await runConformanceCase(engine, testCase) });
      }
    }
  });
  afterAll(() => engine.close());

  it('holds at least 250 documented expressions', () => {
    expect(Object.values(CONFORMANCE_CORPUS).flat().length).toBeGreaterThanOrEqual(250);
  });

  it.each(Object.keys(CONFORMANCE_CORPUS))(
    '%s: each case answers like Athena or is refused by name',
    (category) => {
      const silent = (outcomes[category] ?? [])
        .filter(({ outcome }) => outcome.kind === 'differs' || outcome.kind === 'error')
        .map(({ testCase, outcome }) => ({
          sql: testCase.sql,
          expected: 'fails' in testCase ? testCase.fails : { value: testCase.expected, type: testCase.type },
          outcome,
        }));
      expect(silent).toEqual([]);
    },
  );

  // `UPDATE_CONFORMANCE=1 vitest run conformance` rewrites the section; CI only checks it.
  it('is summarised in the athena README as it is', () => {
    const readme = readFileSync(README, 'utf8');
    const updated = withSummary(readme, conformanceSummary(outcomes));
    if (process.env.UPDATE_CONFORMANCE === '1') writeFileSync(README, updated);
    expect(readme).toBe(updated);
  });
});
