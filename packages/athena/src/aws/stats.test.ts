import { describe, expect, it } from 'vitest';
import { athenaCostUsd, athenaStats } from './stats.js';

const MB = 2 ** 20;
const TB = 2 ** 40;

describe('athena cost', () => {
  it('bills at least 10 MB per query', () => {
    expect(athenaCostUsd(0, 'DML')).toBe(((10 * MB) / TB) * 5);
    expect(athenaCostUsd(3 * MB, 'DML')).toBe(((10 * MB) / TB) * 5);
  });

  it('rounds scanned bytes up to the next MB and charges $5 per TB', () => {
    expect(athenaCostUsd(20 * MB + 1, 'DML')).toBe(((21 * MB) / TB) * 5);
    expect(athenaCostUsd(TB, 'DML')).toBe(5);
  });

  it('does not bill DDL', () => {
    expect(athenaCostUsd(0, 'DDL')).toBe(0);
  });

  it("prefers Athena's engine time over wall time", () => {
    const execution = {
      StatementType: 'DML' as const,
      Statistics: { EngineExecutionTimeInMillis: 812, DataScannedInBytes: TB },
    };
    expect(athenaStats('q-1', execution, 2000)).toEqual({
      engine: 'athena',
      queryId: 'q-1',
      elapsedMs: 812,
      bytesScanned: TB,
      costUsd: 5,
    });
    expect(athenaStats('q-2', {}, 2000).elapsedMs).toBe(2000);
  });
});
