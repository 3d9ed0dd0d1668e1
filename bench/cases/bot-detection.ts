import { dataset } from '../data.js';
import type { VariantResult } from '../harness.js';
import { bundledTask, measure, outputMedian } from '../harness.js';
import type { CaseReport, Goal, Row } from '../report.js';
import { perSecond, ratio } from '../report.js';
import type { BenchSettings } from './case.js';

/**
 * Case 4: bot detection at `rows` and 5 × `rows` events. `core` times the window counter alone on
 * events parsed beforehand (in-process figure); `csv` is the whole run from a file stream on one
 * core through `detectBotsFromCsv` (core's CSV reader with the bot line rule: time and key from
 * bytes); `csv-general` the same run through decoded records only (CSV reader, row object, schema).
 */
export async function botDetection({ rows, runs }: BenchSettings): Promise<CaseReport> {
  const sizes = [rows, rows * 5];
  const results = new Map<number, VariantResult[]>();
  for (const size of sizes) {
    const input = await dataset('events', size);
    const variants = [
      { name: 'core', command: await bundledTask('bots.ts', 'core', input) },
      { name: 'csv', command: await bundledTask('bots.ts', 'csv', input) },
      { name: 'csv-general', command: await bundledTask('bots.ts', 'csv-general', input) },
    ];
    results.set(size, await measure(variants, runs));
  }
  const rowsOut: Row[] = sizes.flatMap((size) => {
    const all = results.get(size) ?? [];
    return all.map((r) =>
      row(
        size,
        r,
        all.find((other) => other.name === 'csv-general'),
      ),
    );
  });
  return {
    name: 'bot-detection',
    title:
      'bot detection: window counter alone (in-process time), end to end from CSV (line rule, records only)',
    rows: rowsOut,
    goals: [...goals(sizes, results), sameDetections(sizes, results)],
    checks: {
      detections: Object.fromEntries(
        sizes.map((s) => [s, (results.get(s) ?? []).map((r) => r.samples[0]?.output.detections)]),
      ),
    },
  };
}

function row(size: number, result: VariantResult, general: VariantResult | undefined): Row {
  const coreMs = outputMedian(result, 'coreMs');
  const speedup = general && result.name === 'csv' ? ratio(general.medianMs, result.medianMs) : undefined;
  return {
    ...(speedup === undefined ? {} : { ratios: `${speedup}× faster than csv-general (same run)` }),
    variant: result.name,
    rows: size,
    medianMs: result.medianMs,
    medianRssMb: result.medianRssMb,
    note:
      result.name === 'core'
        ? `counter ${coreMs.toFixed(0)} ms = ${perSecond(size, coreMs).toLocaleString('en')} events/s`
        : `${perSecond(size, result.medianMs).toLocaleString('en')} events/s, at most ${String(result.samples[0]?.output.maxOpenCounters)} open counters`,
  };
}

function sameDetections(sizes: number[], results: Map<number, VariantResult[]>): Goal {
  const counts = sizes.map((size) => (results.get(size) ?? []).map((r) => r.samples[0]?.output.detections));
  return {
    goal: 'same detections from every variant',
    measured: counts.map((c) => c.join(' / ')).join('; '),
    met: counts.every((c) => new Set(c).size === 1),
  };
}

function goals(sizes: number[], results: Map<number, VariantResult[]>): Goal[] {
  const [small, large] = sizes as [number, number];
  const at = (size: number, name: string) => (results.get(size) ?? []).find((r) => r.name === name);
  const core = perSecond(large, outputMedian(at(large, 'core') as VariantResult, 'coreMs'));
  const csv = perSecond(large, (at(large, 'csv') as VariantResult).medianMs);
  const rss = ratio(
    (at(large, 'csv') as VariantResult).medianRssMb,
    (at(small, 'csv') as VariantResult).medianRssMb,
  );
  return [
    {
      goal: 'detector core ≥ 5M events/s',
      measured: `${core.toLocaleString('en')} events/s`,
      met: core >= 5e6,
    },
    {
      goal: 'end to end from CSV ≥ 2M events/s',
      measured: `${csv.toLocaleString('en')} events/s`,
      met: csv >= 2e6,
    },
    {
      goal: `peak RSS flat from ${small} to ${large} events (≤ 1.2×)`,
      measured: `${rss}× (${(at(small, 'csv') as VariantResult).medianRssMb} → ${(at(large, 'csv') as VariantResult).medianRssMb} MB)`,
      met: rss <= 1.2,
    },
  ];
}
