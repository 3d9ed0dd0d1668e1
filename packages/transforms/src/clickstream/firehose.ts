import { type Base64Record, decodeBase64Text, type FirehoseOutput } from '@sluice/core/lambda';
import type { Outcome } from '@sluice/core/outcome';
import { type ClickOutcome, enrichClick } from './enrich-click.js';

/**
 * The click enrichment as the `process` function of core's `firehoseTransformHandler`, which
 * answers each record once, in order, and reports the batch. `Ok` carries one JSON line with a
 * trailing newline and the `datehour` partition key; a rejection (`missing-data`, `undecodable`:
 * not base64 of UTF-8, `invalid-json`, or one of {@link enrichClick}'s) is `ProcessingFailed`.
 *
 * @example export const handler = firehoseTransformHandler({ process: enrichClickForFirehose });
 */
export function enrichClickForFirehose(record: Partial<Base64Record>): Outcome<FirehoseOutput> {
  const outcome = enrichData(record);
  if (outcome.kind === 'rejected') return outcome;
  const { datehour } = outcome.value;
  return { kind: 'kept', value: { data: `${JSON.stringify(outcome.value)}\n`, partitionKeys: { datehour } } };
}

function enrichData(record: Partial<Base64Record>): ClickOutcome {
  // Typed a string, but a Firehose record may come with `data` missing or null: that record fails alone.
  if (typeof record.data !== 'string')
    return { kind: 'rejected', reason: 'missing-data', message: 'the record has no data (missing or null)' };
  const text = decodeBase64Text(record as Base64Record);
  if (!text.ok)
    return { kind: 'rejected', reason: 'undecodable', message: 'data is not base64 of UTF-8 text' };
  try {
    return enrichClick(JSON.parse(text.value));
  } catch (error) {
    return {
      kind: 'rejected',
      reason: 'invalid-json',
      message: `data is not JSON (${(error as Error).message})`,
    };
  }
}
