// The bad-input corpus, written by hand: each case is a file's bytes, the quirk it holds and the
// counts a reader of it must report, reasoned from the bytes (the comment beside a row says what
// becomes of it). `generate.ts` writes the files, manifest.json and the README table from this list.

import type { CorpusCase } from './case-parts.js';
import { customerCases } from './customers-cases.js';
import { eventCases } from './events-cases.js';
import { orderFieldCases } from './orders-field-cases.js';
import { orderLineCases } from './orders-line-cases.js';
import { orderValueCases } from './orders-value-cases.js';

export type { CaseCounts, CaseOutcome, CaseRefusal, CorpusCase } from './case-parts.js';

/** Every case of the corpus, domain filled in. */
export const CORPUS_CASES: readonly CorpusCase[] = [
  ...[...orderLineCases, ...orderFieldCases, ...orderValueCases].map((c) => ({
    ...c,
    domain: 'orders' as const,
  })),
  ...customerCases.map((c) => ({ ...c, domain: 'customers' as const })),
  ...eventCases.map((c) => ({ ...c, domain: 'events' as const })),
];
