import type { ConformanceCase } from './conformance-case.js';
import type { ConformanceOutcome } from './run-case.js';

export type CategoryOutcomes = Record<string, { testCase: ConformanceCase; outcome: ConformanceOutcome }[]>;

export const SUMMARY_START = '<!-- conformance:start -->';
export const SUMMARY_END = '<!-- conformance:end -->';

/**
 * The README section for the corpus: a table of passed/refused per category and the refused
 * constructs. Only passed and refused outcomes are expected here; the test fails on any other.
 *
 * @example conformanceSummary(outcomes) // '| category | cases | passed | refused |\n…'
 */
export function conformanceSummary(outcomes: CategoryOutcomes): string {
  const rows = Object.entries(outcomes).map(([category, results]) => [category, ...counts(results)]);
  const total = ['**total**', ...counts(Object.values(outcomes).flat()).map((n) => `**${n}**`)];
  const table = [
    '| category | cases | passed | refused | known differences |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...[...rows, total].map((cells) => `| ${cells.join(' | ')} |`),
  ];
  const known = Object.values(outcomes)
    .flat()
    .filter(({ outcome }) => outcome.kind === 'known')
    .map(({ testCase }) => `- \`${testCase.sql}\`: ${testCase.knownDifference}`);
  const knownSection = [
    '',
    'Known differences (the answer depends on operand types the SQL rewrite cannot see):',
    '',
  ];
  return [
    ...table,
    '',
    `Refused, naming the construct: ${refusedConstructs(outcomes).join(', ')}.`,
    ...(known.length > 0 ? [...knownSection, ...known] : []),
  ].join('\n');
}

function counts(results: CategoryOutcomes[string]): number[] {
  const of = (kind: string) => results.filter((r) => r.outcome.kind === kind).length;
  return [results.length, of('passed'), of('refused'), of('known')];
}

function refusedConstructs(outcomes: CategoryOutcomes): string[] {
  const names = Object.values(outcomes)
    .flat()
    .flatMap(({ outcome }) => (outcome.kind === 'refused' ? [`\`${outcome.construct}\``] : []));
  return [...new Set(names)].sort();
}

/** The README text with the section between the markers replaced by `summary`. */
export function withSummary(readme: string, summary: string): string {
  const start = readme.indexOf(SUMMARY_START);
  const end = readme.indexOf(SUMMARY_END);
  if (start < 0 || end < start) throw new Error(`README has no ${SUMMARY_START} … ${SUMMARY_END} section`);
  return `${readme.slice(0, start + SUMMARY_START.length)}\n${summary}\n${readme.slice(end)}`;
}
