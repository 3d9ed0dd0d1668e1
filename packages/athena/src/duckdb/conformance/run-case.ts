import { isDeepStrictEqual } from 'node:util';
import type { DuckDbEngine } from '../duckdb-engine.js';
import { UnsupportedFunctionError } from '../errors.js';
import { isDeliberatelyUnsupported } from '../trino-functions.js';
import type { ConformanceCase } from './conformance-case.js';

/**
 * What the embedded engine did with a case. `passed`, `refused` and `known` (a listed difference) are
 * the acceptable outcomes: `differs` is a silent difference from Athena, `error` a failure that names
 * nothing or a listed difference that no longer differs.
 */
export type ConformanceOutcome =
  | { kind: 'passed' }
  | { kind: 'refused'; construct: string }
  | { kind: 'known'; reason: string }
  | { kind: 'differs'; actual: unknown; type: string | undefined }
  | { kind: 'error'; message: string };

/**
 * Runs one case through the engine and classifies the outcome.
 *
 * @example await runConformanceCase(engine, { sql: 'SELECT 5 / 2', expected: 2, type: 'integer', doc: 'math.md' })
 */
export async function runConformanceCase(
  engine: DuckDbEngine,
  testCase: ConformanceCase,
): Promise<ConformanceOutcome> {
  const outcome = await outcomeOf(engine, testCase);
  const reason = testCase.knownDifference;
  if (reason === undefined || outcome.kind === 'refused') return outcome;
  if (outcome.kind !== 'passed') return { kind: 'known', reason };
  return { kind: 'error', message: `listed as a known difference (${reason}) but answers like Athena now` };
}

async function outcomeOf(engine: DuckDbEngine, testCase: ConformanceCase): Promise<ConformanceOutcome> {
  let result: Awaited<ReturnType<DuckDbEngine['execute']>>;
  try {
    result = await engine.execute(testCase.sql);
  } catch (error) {
    return failureOutcome(testCase, error);
  }
  if ('fails' in testCase) return { kind: 'differs', actual: result.rows, type: result.columns[0]?.type };
  const name = result.columns[0]?.name as string;
  const values = result.rows.map((row) => row[name]);
  const actual = testCase.perRow ? values : values.length === 1 ? values[0] : values;
  const type = result.columns[0]?.type;
  const same = type === testCase.type && sameValue(actual, testCase.expected);
  return same ? { kind: 'passed' } : { kind: 'differs', actual, type };
}

// A refusal counts only when it is deliberate (listed) and names something the SQL contains.
function failureOutcome(testCase: ConformanceCase, error: unknown): ConformanceOutcome {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UnsupportedFunctionError) {
    const named = testCase.sql.toLowerCase().includes(error.functionName.toLowerCase());
    if (named && isDeliberatelyUnsupported(error.functionName)) {
      return { kind: 'refused', construct: error.functionName };
    }
    return { kind: 'error', message: `undeliberate refusal: ${message}` };
  }
  if ('fails' in testCase) return { kind: 'passed' };
  return { kind: 'error', message };
}

// Doubles from the documentation are printed with at most 17 significant digits.
function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'number' && typeof expected === 'number') {
    return actual === expected || Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
  }
  if (actual instanceof Uint8Array && expected instanceof Uint8Array) {
    return Buffer.from(actual).equals(Buffer.from(expected));
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return actual.length === expected.length && actual.every((v, i) => sameValue(v, expected[i]));
  }
  return isDeepStrictEqual(actual, expected);
}
