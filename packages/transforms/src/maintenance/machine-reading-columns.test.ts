import type { Rejection } from '@sluice/core';
import { isBalanced } from '@sluice/core';
import { CsvHeaderError, openCsvScan } from '@sluice/core/codecs';
import { describe, expect, it } from 'vitest';
import { CsvColumnNotFoundError, headerColumns } from '../csv-columns/index.js';
import { scoreMaintenancePriority } from './priority.js';
import { MACHINE_READING_COLUMNS } from './schema.js';

const CANONICAL =
  'timestamp,machine_id,temperature,vibration,humidity,pressure,energy_consumption,machine_status,' +
  'anomaly_flag,predicted_remaining_life,failure_type,downtime_risk,maintenance_required';
const ROWS = [
  '2025-01-01 00:00:00,39,78.61,28.65,79.96,3.1,2.5,1,0,104,Normal,0.0,0',
  '2025-01-01 00:02:00,15,98.94,50.2,65.2,2.2,1.1,2,1,12,Vibration Issue,1.0,1',
  '2025-01-01 00:03:00,43,ERR,37.65,60,2,1,1,1,50,Normal,1.0,1', // rejected: temperature
];

/** Reads a readings CSV as the lake's simulator does, scoring each row. */
async function scoreReadings(text: string) {
  const scan = await openCsvScan([text], { file: 'readings.csv', now: () => 0 });
  const columns = headerColumns(scan.header, MACHINE_READING_COLUMNS, scan.file);
  const scores: number[] = [];
  const rejections: Rejection[] = [];
  const report = await scan.drain(
    {
      record: (record) => {
        const outcome = scoreMaintenancePriority(columns.row(record.fields));
        if (outcome.kind === 'rejected') return { reject: outcome.reason, message: outcome.message };
        if (outcome.kind === 'kept') scores.push(outcome.value.maintenance_priority_score);
        return 'keep';
      },
    },
    { onRejected: (rejection) => rejections.push(rejection) },
  );
  return { scores, rejections: rejections.map((r) => r.message), report };
}

describe('MACHINE_READING_COLUMNS through the CSV reader', () => {
  it('scores the sample feed, accounting for every line', async () => {
    const run = await scoreReadings(`${CANONICAL}\n${ROWS.join('\n')}\n\n`);
    expect(run.scores).toEqual([0.3075, 0.8723]);
    expect(run.rejections).toEqual(['readings.csv:4: temperature: "ERR" is not a number']);
    expect(run.report).toMatchObject({ read: 4, kept: 2, dropped: { 'blank-line': 1 }, lines: 5 });
    expect(isBalanced(run.report)).toBe(true);
  });

  it.each([
    ['upper-case', CANONICAL.toUpperCase()],
    ['spaced', CANONICAL.replaceAll('_', ' ').replaceAll(',', ' , ')],
    ['hyphenated', CANONICAL.replaceAll('_', '-')],
  ])('scores %s headers (and CRLF) exactly like the canonical ones', async (_, header) => {
    const canonical = await scoreReadings(`${CANONICAL}\n${ROWS.join('\n')}\n`);
    expect(await scoreReadings(`${header}\r\n${ROWS.join('\r\n')}\r\n`)).toEqual(canonical);
  });

  it('refuses a header without a scored column, or with two columns of one name', async () => {
    const without = CANONICAL.replace('vibration,', '');
    await expect(scoreReadings(`${without}\n`)).rejects.toThrow(CsvColumnNotFoundError);
    await expect(scoreReadings(`${without}\n`)).rejects.toThrow(/^readings\.csv:1: no vibration column/);
    await expect(scoreReadings(`${CANONICAL},Machine ID\n`)).rejects.toThrow(CsvHeaderError);
  });
});
