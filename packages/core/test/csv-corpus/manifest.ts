// The manifest built from the hand-written cases: each consumer's expected outcome spelled out.
import { type CaseCounts, type CaseOutcome, CORPUS_CASES, type CorpusCase } from './cases.js';

/** What a run reports, as the manifest states it. */
export interface CorpusCounts {
  read: number;
  kept: number;
  dropped: Record<string, number>;
  rejected: Record<string, number>;
  lines: number;
}
/** A consumer that refuses the whole file, with the error name (or the handler's quarantine reason). */
export interface CorpusRefusal {
  refused: string;
}
export type CorpusOutcome = CorpusCounts | CorpusRefusal;

export interface CorpusEntry {
  file: string;
  domain: CorpusCase['domain'];
  quirk: string;
  /** Reader options of the `reader` and `transform` runs; `command` and `handler` run with defaults. */
  options?: CorpusCase['options'];
  expected: {
    /** Core's reader (`openCsvScan`) with a rule that keeps every record. */
    reader: CorpusOutcome;
    /** filterStaleOrders / scoreCustomersCsv / detectBotsFromCsv. */
    transform: CorpusOutcome;
    /** `sluice orders filter` / `customers score` / `bots detect`. */
    command: CorpusOutcome;
    /** orders-dashboard's filterOrdersHandler, ecommerce-batch-stream's eventsToParquetHandler. */
    handler?: CorpusOutcome;
  };
}

export interface CorpusManifest {
  about: string;
  /** The stale-order rule every orders consumer runs with. */
  orders: { asOf: string; maxAgeDays: number };
  files: CorpusEntry[];
}

/** Reasons a domain rule gives; core's reader alone never gives them (it keeps those records). */
const RULE_REASONS = new Set(['stale', 'invalid-date', 'missing-status', 'invalid-customer', 'schema']);

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, n) => a + n, 0);

function spelledOut(counts: CaseCounts): CorpusCounts {
  const dropped = counts.dropped ?? {};
  const rejected = counts.rejected ?? {};
  return {
    read: counts.kept + total(dropped) + total(rejected),
    kept: counts.kept,
    dropped,
    rejected,
    lines: counts.lines,
  };
}

function outcome(value: CaseOutcome): CorpusOutcome {
  return 'refused' in value ? { refused: value.refused } : spelledOut(value);
}

/** The keep-everything reader keeps each record a rule decided; it drops blank lines and rejects what it cannot read. */
function readerOf(transform: CaseCounts): CaseCounts {
  const split = (counts: Record<string, number> = {}, byRule: boolean) =>
    Object.entries(counts).filter(([reason]) => RULE_REASONS.has(reason) === byRule);
  const decided = [...split(transform.dropped, true), ...split(transform.rejected, true)];
  return {
    kept: transform.kept + decided.reduce((sum, [, n]) => sum + n, 0),
    dropped: Object.fromEntries(split(transform.dropped, false)),
    rejected: Object.fromEntries(split(transform.rejected, false)),
    lines: transform.lines,
  };
}

function entry(c: CorpusCase): CorpusEntry {
  if (!c.reader && 'refused' in c.expected)
    throw new Error(`${c.file}: a refused file needs its reader counts`);
  if (c.options && !c.command)
    throw new Error(`${c.file}: with options, the command's outcome must be given`);
  const reader = c.reader ?? readerOf(c.expected as CaseCounts);
  const command = c.command ?? c.expected;
  const handler = c.domain === 'customers' ? undefined : (c.handler ?? command);
  return {
    file: c.file,
    domain: c.domain,
    quirk: c.quirk,
    ...(c.options ? { options: c.options } : {}),
    expected: {
      reader: outcome(reader),
      transform: outcome(c.expected),
      command: outcome(command),
      ...(handler ? { handler: outcome(handler) } : {}),
    },
  };
}

/** The manifest of every case, as written to manifest.json. */
export function buildManifest(cases: readonly CorpusCase[] = CORPUS_CASES): CorpusManifest {
  return {
    about:
      'Expected outcomes of the CSV bad-input corpus (files/), reasoned from each file by hand in cases.ts; ' +
      'regenerate with `node --import tsx packages/core/test/csv-corpus/generate.ts`.',
    orders: { asOf: '2025-06-30', maxAgeDays: 30 },
    files: cases.map(entry),
  };
}
