import {
  type Base64Record,
  decodeBase64Text,
  type FirehoseEventRecord,
  type FirehoseOutput,
  type FirehoseRecord,
  type FirehoseResponseRecord,
  firehoseFailed,
  firehoseOk,
} from '@sluice/core/lambda';
import { type Outcome, type RunReport, RunTally } from '@sluice/core/outcome';
import { type ClickOutcome, enrichClick } from './enrich-click.js';

/** The part of a Firehose transformation record this transform reads. */
export type FirehoseClickRecord = Pick<FirehoseEventRecord, 'recordId' | 'data'> &
  Partial<Pick<FirehoseEventRecord, 'approximateArrivalTimestamp'>> &
  Partial<Pick<FirehoseRecord, 'position'>>;

/** Why a record was answered `ProcessingFailed`, for the log. */
export interface ClickFailure {
  recordId: string;
  /** `undecodable`, `invalid-json`, or a rejection reason of {@link enrichClick}. */
  reason: string;
  message: string;
}

/** The answer for one record, and the reason when it failed. */
export interface ClickRecordOutcome {
  result: FirehoseResponseRecord;
  failure?: ClickFailure;
}

/**
 * Decodes base64 JSON record data and enriches the click in it; adds the rejection reasons
 * `missing-data`, `undecodable` (not base64 of UTF-8) and `invalid-json`.
 *
 * @example enrichClickData(record.data) // { kind: 'kept', value: { item_category: 'drink', ... } }
 */
export function enrichClickData(data: string): ClickOutcome {
  return enrichRecordData({ recordId: '', data });
}

function enrichRecordData(record: FirehoseClickRecord): ClickOutcome {
  // Typed a string, but a Firehose record may come with `data` missing or null: that record fails alone.
  if (typeof record.data !== 'string')
    return { kind: 'rejected', reason: 'missing-data', message: 'the record has no data (missing or null)' };
  const text = decodeRecord(record);
  if (text === undefined)
    return { kind: 'rejected', reason: 'undecodable', message: 'data is not base64 of UTF-8 text' };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return {
      kind: 'rejected',
      reason: 'invalid-json',
      message: `data is not JSON (${(error as Error).message})`,
    };
  }
  return enrichClick(body);
}

/**
 * Enriches one Firehose record. `Ok` carries one JSON line with a trailing newline and the
 * `datehour` partition key; anything undecodable or invalid is `ProcessingFailed` with its original
 * data, so Firehose writes it under the error prefix.
 *
 * @example
 * const { result, failure } = enrichClickRecord({ recordId: '1', data: Buffer.from(JSON.stringify(click)).toString('base64') });
 */
export function enrichClickRecord(record: FirehoseClickRecord): ClickRecordOutcome {
  const outcome = enrichRecordData(record);
  if (outcome.kind === 'kept') {
    const { datehour } = outcome.value;
    return { result: firehoseOk(record.recordId, `${JSON.stringify(outcome.value)}\n`, { datehour }) };
  }
  return {
    result: firehoseFailed(record.recordId, record.data ?? ''),
    failure: {
      recordId: record.recordId,
      reason: outcome.reason,
      message: `record ${record.recordId}: ${outcome.message}`,
    },
  };
}

/**
 * Enriches a Firehose transformation batch: one result per record, same ids, same order.
 *
 * @example
 * export const handler = async (event: FirehoseTransformationEvent) => {
 *   const { records, failures } = enrichClickRecords(event.records);
 *   for (const failure of failures) console.warn(failure.message);
 *   return { records };
 * };
 */
export function enrichClickRecords(
  records: readonly FirehoseClickRecord[],
  options: { now?: () => number } = {},
): { records: FirehoseResponseRecord[]; failures: ClickFailure[]; report: RunReport } {
  const tally = new RunTally(options);
  const results: FirehoseResponseRecord[] = [];
  const failures: ClickFailure[] = [];
  for (const record of records) {
    const { result, failure } = enrichClickRecord(record);
    results.push(result);
    if (failure) failures.push(failure);
    if (failure) tally.reject(failure.reason);
    else tally.keep();
  }
  return { records: results, failures, report: tally.report() };
}

/**
 * The click enrichment as a `process` function of core's `firehoseTransformHandler`, which then
 * answers, checks and reports the batch.
 *
 * @example export const handler = firehoseTransformHandler({ process: enrichClickForFirehose });
 */
export function enrichClickForFirehose(record: FirehoseClickRecord): Outcome<FirehoseOutput> {
  const outcome = enrichRecordData(record);
  if (outcome.kind === 'rejected') return outcome;
  const { datehour } = outcome.value;
  return { kind: 'kept', value: { data: `${JSON.stringify(outcome.value)}\n`, partitionKeys: { datehour } } };
}

/** Strict base64 of UTF-8 (core's decoder), or the text a local runner kept beside it. */
function decodeRecord(record: FirehoseClickRecord): string | undefined {
  // Only the text is read: a record without a position (a raw request record) decodes the same.
  const text = decodeBase64Text(record as Base64Record);
  return text.ok ? text.value : undefined;
}
