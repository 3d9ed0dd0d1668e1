import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { isBalanced } from '@sluice/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoResult } from './index.js';
import { DEMO_BUCKET, runDemo } from './local.js';

const ROWS = 400;
const SEED = 11;

let dir: string;
let result: DemoResult;
let input: string[];
let objects: Map<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'restaurant-clickstream-'));
  // batchSize 1: the seed's shape, one click per request, so unparseable clicks meet the 400 path.
  result = await runDemo({
    dir,
    rows: ROWS,
    seed: SEED,
    log: () => {},
    batchSize: 1,
    buffering: { sizeBytes: 8_192 },
  });
  input = (await readFile(join(dir, 'input', 'clicks.jsonl'), 'utf8')).trimEnd().split('\n');
  objects = await readBucket(join(dir, DEMO_BUCKET));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function readBucket(root: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath.includes('.sluice-staging')) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(root, path).split(sep).join('/'), await readFile(path, 'utf8'));
  }
  return found;
}

function linesUnder(prefix: string): string[] {
  return [...objects]
    .filter(([key]) => key.startsWith(prefix))
    .flatMap(([, body]) => body.trimEnd().split('\n'));
}

/** The insights recomputed from the generated input, without the library's transform. */
function recompute(lines: string[]) {
  const clicks = lines.flatMap((line) => {
    const click = parse(line);
    const element = /^(.+)_(\d+)$/.exec(String(click?.element_clicked));
    const at = String(click?.created_at).replaceAll('–', '-').replaceAll('u2013', '-');
    if (!element || typeof click?.time_spent !== 'number' || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(at))
      return [];
    return [
      { item: String(click.element_clicked), category: element[1] as string, time: click.time_spent, at },
    ];
  });
  const tally = (key: (c: (typeof clicks)[number]) => string) => {
    const groups = new Map<string, { clicks: number; total: number }>();
    for (const c of clicks) {
      const group = groups.get(key(c)) ?? { clicks: 0, total: 0 };
      groups.set(key(c), { clicks: group.clicks + 1, total: group.total + c.time });
    }
    return groups;
  };
  const hourOf = (c: { at: string }) => c.at.slice(0, 13).replaceAll('-', '/').replace(' ', '/');
  return {
    clicks,
    byItem: tally((c) => c.item),
    byCategory: tally((c) => c.category),
    byHour: tally(hourOf),
  };
}

function parse(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function rowsOf(name: string): Record<string, unknown>[] {
  return result.queries.find((q) => q.name === name)?.rows ?? [];
}

describe('restaurant-clickstream end to end', () => {
  it('generates input holding the artefacts and dirty clicks the pipeline must handle', () => {
    expect(input).toHaveLength(ROWS);
    expect(input.some((line) => line.includes('–'))).toBe(true);
    expect(input.some((line) => line.includes('u2013'))).toBe(true);
    expect(input.some((line) => parse(line) === undefined)).toBe(true);
    expect(input.some((line) => line.includes('"sometime"'))).toBe(true);
  });

  it('loses no click: each one is under clicks/, under clicks-errors/ or refused with a 400', () => {
    const kept = linesUnder('clicks/');
    const failed = linesUnder('clicks-errors/');
    const refused = result.summary.statuses as Record<string, number>;
    expect(kept.length + failed.length + (refused[400] ?? 0)).toBe(ROWS);
    expect(kept.length).toBe(result.reports['firehose-transform']?.kept);
    expect(failed.length + kept.length).toBe(result.reports['http-ingest']?.kept);
    const inputSet = new Set(input);
    for (const line of failed) {
      const record = JSON.parse(line);
      expect(record.errorCode).toBe('Lambda.ProcessingFailed');
      expect(inputSet.has(Buffer.from(record.rawData, 'base64').toString('utf8'))).toBe(true);
    }
  });

  it('keeps the reason of each failed click with its recordId beside the error objects', async () => {
    const rejections = (await readFile(join(dir, 'rejections', 'firehose-transform.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const failedIds = linesUnder('clicks-errors/').map((line) => JSON.parse(line).recordId);
    expect(rejections.map((r) => r.position.messageId).sort()).toEqual(failedIds.sort());
    expect(rejections.every((r) => typeof r.reason === 'string' && r.message.length > 0)).toBe(true);
  });

  it('writes each enriched click under the hour of its created_at, as JSON Lines', () => {
    const keys = [...objects.keys()].filter((key) => key.startsWith('clicks/'));
    expect(keys.length).toBeGreaterThan(1);
    for (const key of keys) {
      const hour = /^clicks\/(\d{4}\/\d\d\/\d\d\/\d\d)\/clicks-\d{12}-[0-9a-f]{16}\.json$/.exec(key)?.[1];
      expect(hour, key).toBeDefined();
      for (const line of (objects.get(key) as string).trimEnd().split('\n')) {
        const click = JSON.parse(line);
        expect(click.datehour).toBe(hour);
        expect(click.created_at.slice(0, 13)).toBe(
          (hour as string).replace(/\/(\d\d)\/(\d\d)$/, '-$1T$2').replace('/', '-'),
        );
      }
    }
    const errorKeys = [...objects.keys()].filter((key) => key.startsWith('clicks-errors/'));
    for (const key of errorKeys)
      expect(key).toMatch(/^clicks-errors\/processing-failed\/\d{4}\/\d\d\/\d\d\/\d\d\//);
  });

  it('repairs en-dash and u2013 timestamps into ISO created_at', () => {
    const createdAt = new Set(linesUnder('clicks/').map((line) => JSON.parse(line).created_at));
    const repaired = recompute(input.filter((line) => line.includes('–') || line.includes('u2013'))).clicks;
    expect(repaired.length).toBeGreaterThan(0);
    for (const click of repaired) expect(createdAt.has(`${click.at.replace(' ', 'T')}.000Z`)).toBe(true);
    expect(linesUnder('clicks/').some((line) => line.includes('–') || line.includes('u2013'))).toBe(false);
  });

  it('answers the insights queries as a recomputation from the input does', () => {
    const expected = recompute(input);
    const byItem = new Map(rowsOf('clicks_per_item').map((row) => [row.element_clicked, row]));
    expect(byItem.size).toBe(expected.byItem.size);
    for (const [item, { clicks, total }] of expected.byItem) {
      expect(byItem.get(item)?.clicks).toBe(clicks);
      expect(byItem.get(item)?.avg_time_spent).toBeCloseTo(total / clicks, 9);
    }
    const byCategory = rowsOf('clicks_per_category');
    expect(byCategory.map((row) => [row.item_category, row.clicks])).toEqual(
      [...expected.byCategory]
        .map(([category, g]) => [category, g.clicks])
        .sort((a, b) => Number(b[1]) - Number(a[1]) || String(a[0]).localeCompare(String(b[0]))),
    );
    for (const row of byCategory) {
      const group = expected.byCategory.get(String(row.item_category));
      expect(row.avg_time_spent).toBeCloseTo((group?.total ?? 0) / (group?.clicks ?? 1), 9);
    }
    expect(rowsOf('clicks_per_hour')).toEqual(
      [...expected.byHour].sort().map(([datehour, g]) => ({ datehour, clicks: g.clicks })),
    );
  });

  it('returns balanced reports that agree from step to step', () => {
    const {
      'http-ingest': ingest,
      'firehose-transform': transform,
      'firehose-delivery': delivery,
    } = result.reports;
    for (const report of [ingest, transform, delivery]) expect(report && isBalanced(report)).toBe(true);
    expect(ingest?.read).toBe(ROWS);
    expect(transform?.read).toBe(ingest?.kept);
    expect(delivery).toMatchObject({ read: transform?.read, kept: transform?.kept });
    expect(result.summary.nothingLost).toBe(true);
    expect(() => JSON.stringify(result)).not.toThrow();
  });

  it('gives the same insights when the clicks are POSTed as JSON Lines batches', async () => {
    const batched = await runDemo({
      dir: join(dir, 'batched'),
      rows: ROWS,
      seed: SEED,
      log: () => {},
      batchSize: 25,
    });
    expect(batched.summary.requests).toBe(ROWS / 25);
    expect(batched.reports['firehose-transform']?.kept).toBe(result.reports['firehose-transform']?.kept);
    const counts = (r: DemoResult) =>
      r.queries.map((q) => q.rows.map((row) => [Object.values(row)[0], row.clicks]));
    expect(counts(batched)).toEqual(counts(result));
  });
});
