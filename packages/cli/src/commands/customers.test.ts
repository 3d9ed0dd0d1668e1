import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { customersCsv, writeLines } from '@sluice/datagen';
import { describe, expect, it } from 'vitest';
import { inputFolder } from '../input-folder.js';
import { expectUsageError, sluice } from '../run-in-process.js';

// The real export's quirks: a padded header, `$` amounts with spaces and thousands separators,
// and a Windows-1252 `É` (0xC9) inside an otherwise UTF-8 file.
const HEADER =
  'Customer_ID,Location,Purchase_Category, Purchase_Amount ,Frequency_of_Purchase,Purchase_Channel,Brand_Loyalty,Customer_Satisfaction';
const ROWS = [
  Buffer.from('37-611-6911,Lyon,Books, $333.80  ,4,Online,5,7\n'), // 0.1335 + 0.12 + 0.075 + 0.105 = 0.4335
  Buffer.from('11-222-3333,São Paulo,Electronics,"$1,234.50",10,Mixed,10,10\n'), // amount clamped: 1.0
  Buffer.concat([
    Buffer.from('44-555-6666,'),
    Buffer.from([0xc9]),
    Buffer.from('vry,Books, $10.00 ,1,Online,1,1\n'),
  ]), // 0.064
  Buffer.from('77-888-9999,Lyon,Books, N/A ,3,Online,2,2\n'), // rejected: line 5
];

describe('sluice customers score', () => {
  const files = inputFolder(
    'sluice-customers-',
    'customers.csv',
    Buffer.concat([Buffer.from(`${HEADER}\n`), ...ROWS]),
  );

  it('scores and segments the Kaggle quirks into CSV, rejecting the unparseable amount with its line', async () => {
    const output = join(files.dir, 'scored.csv');
    const run = await sluice('customers', 'score', '--input', files.input, '--output', output);
    expect(run.code).toBe(0);
    expect(run.result).toMatchObject({
      report: { read: 4, kept: 3, dropped: {}, rejected: { 'invalid-customer': 1 } },
      summary: { segments: { HIGH_VALUE: 1, MEDIUM_VALUE: 1, STANDARD: 1 }, meanScore: 0.4992 },
    });
    const lines = (await readFile(output, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(
      'Customer_ID,Purchase_Amount,Frequency_of_Purchase,Brand_Loyalty,Customer_Satisfaction,Purchase_Category,Purchase_Channel,Location,customer_value_score,customer_segment',
    );
    expect(lines.slice(1)).toEqual([
      '37-611-6911,333.8,4,5,7,Books,Online,Lyon,0.4335,MEDIUM_VALUE',
      '11-222-3333,1234.5,10,10,10,Electronics,Mixed,São Paulo,1,HIGH_VALUE',
      '44-555-6666,10,1,1,1,Books,Online,Évry,0.064,STANDARD',
    ]);
    const rejects = (await readFile(`${output}.rejects.jsonl`, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejects).toEqual([
      expect.objectContaining({
        reason: 'invalid-customer',
        position: { kind: 'file', file: files.input, line: 5, column: 'Purchase_Amount' },
        message: expect.stringContaining('Purchase_Amount'),
      }),
    ]);
  });

  it('writes JSON Lines when the output ends in .jsonl', async () => {
    const output = join(files.dir, 'scored.jsonl');
    const rejects = join(files.dir, 'bad.jsonl');
    const run = await sluice(
      'customers',
      'score',
      '--input',
      files.input,
      '--output',
      output,
      '--rejects',
      rejects,
    );
    expect(run.code).toBe(0);
    const rows = (await readFile(output, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.Customer_ID, r.Location, r.customer_value_score, r.customer_segment])).toEqual([
      ['37-611-6911', 'Lyon', 0.4335, 'MEDIUM_VALUE'],
      ['11-222-3333', 'São Paulo', 1, 'HIGH_VALUE'],
      ['44-555-6666', 'Évry', 0.064, 'STANDARD'],
    ]);
    expect((await readFile(rejects, 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('accounts for every row of a generated export', async () => {
    const generated = join(files.dir, 'generated.csv');
    await writeLines(generated, customersCsv({ rows: 300, seed: 11, dirty: 0.05 }), { progress: false });
    const output = join(files.dir, 'generated-scored.csv');
    const run = await sluice('customers', 'score', '--input', generated, '--output', output);
    expect(run.code).toBe(0);
    const report = run.result?.report as { read: number; kept: number; rejected: Record<string, number> };
    const rejected = Object.values(report.rejected).reduce((a, b) => a + b, 0);
    expect(report.read).toBe(300);
    expect(report.kept + rejected).toBe(300);
    expect(rejected).toBeGreaterThan(0);
    const text = await readFile(output, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(report.kept + 1);
    expect(text).not.toContain('\uFFFD');
    const segments =
      (run.result?.summary as { segments: Record<string, number> } | undefined)?.segments ?? {};
    expect(Object.values(segments).reduce((a, b) => a + b, 0)).toBe(report.kept);
  });

  it.each([
    [['--output', 'x.csv'], /--input is required/],
    [['--input', 'in.csv'], /--output is required/],
    [['--input', 'in.csv', '--output', 'out.txt'], /--output must end in \.csv or \.jsonl/],
    [['--input', 'in.csv', '--output', 'out.csv', '--segment', 'HIGH'], /unknown option --segment/],
  ])('rejects bad arguments %j with exit 2 and one line', async (argv, message) => {
    expectUsageError(await sluice('customers', 'score', ...argv), message);
  });

  it('exits 1 naming an input it cannot read, writing no output', async () => {
    const missing = join(files.dir, 'missing.csv');
    const output = join(files.dir, 'never.csv');
    const run = await sluice('customers', 'score', '--input', missing, '--output', output);
    expect(run.code).toBe(1);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toContain(missing);
    await expect(access(output)).rejects.toThrow();
  });

  it.each([
    ['an empty file', '', /it has no header row/],
    ['a file of another kind', 'OrderID,Status\nO1,pending\n', /no Customer_ID, Purchase_Amount/],
  ])('exits 1 naming %s instead of rejecting every row', async (_, content, problem) => {
    const wrong = join(files.dir, 'wrong.csv');
    await writeFile(wrong, content);
    const run = await sluice('customers', 'score', '--input', wrong, '--output', join(files.dir, 'out.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toHaveLength(1);
    expect(run.stderr[0]).toContain(wrong);
    expect(run.stderr[0]).toMatch(problem);
  });
});
