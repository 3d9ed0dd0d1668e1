import { type RunReport, RunTally } from '@sluice/core';
import { enrichClick } from './enrich-click.js';

/** The part of a Firehose transformation record this transform reads. */
export interface FirehoseClickRecord {
  recordId: string;
  /** Base64 of the record bytes. */
  data: string;
  approximateArrivalTimestamp?: number;
}

/** A record of the Firehose transformation response. */
export interface FirehoseClickResult {
  recordId: string;
  result: 'Ok' | 'Dropped' | 'ProcessingFailed';
  /** Base64: the enriched JSON line when `Ok`, the original bytes otherwise. */
  data: string;
  metadata?: { partitionKeys: { datehour: string } };
}

/** Why a record was answered `ProcessingFailed`, for the log. */
export interface ClickFailure {
  recordId: string;
  /** `undecodable`, `invalid-json`, or a rejection reason of {@link enrichClick}. */
  reason: string;
  message: string;
}

/** The answer for one record, and the reason when it failed. */
export interface ClickRecordOutcome {
  result: FirehoseClickResult;
  failure?: ClickFailure;
}

/** Strict standard base64: `Buffer.from` silently skips stray characters, we must not. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Enriches one Firehose record. `Ok` carries one JSON line with a trailing newline and the
 * `datehour` partition key; anything undecodable or invalid is `ProcessingFailed` with its original
 * data, so Firehose writes it under the error prefix.
 *
 * @example
 * const { result, failure } = enrichClickRecord({ recordId: '1', data: Buffer.from(JSON.stringify(click)).toString('base64') });
 */
export function enrichClickRecord(record: FirehoseClickRecord): ClickRecordOutcome {
  const text = decodeRecord(record.data);
  if (text === undefined) return failed(record, 'undecodable', 'data is not base64 of UTF-8 text');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return failed(record, 'invalid-json', `data is not JSON (${(error as Error).message})`);
  }
  const outcome = enrichClick(body);
  if (outcome.kind === 'rejected') return failed(record, outcome.reason, outcome.message);
  const line = `${JSON.stringify(outcome.value)}\n`;
  return {
    result: {
      recordId: record.recordId,
      result: 'Ok',
      data: Buffer.from(line, 'utf8').toString('base64'),
      metadata: { partitionKeys: { datehour: outcome.value.datehour } },
    },
  };
}

/**
 * Enriches a Firehose transformation batch: one result per record, same ids, same order.
 *
 * @example
 * export const handler = async (event: { records: FirehoseClickRecord[] }) => {
 *   const { records, failures } = enrichClickRecords(event.records);
 *   for (const failure of failures) console.warn(failure.message);
 *   return { records };
 * };
 */
export function enrichClickRecords(
  records: readonly FirehoseClickRecord[],
  options: { now?: () => number } = {},
): { records: FirehoseClickResult[]; failures: ClickFailure[]; report: RunReport } {
  const tally = new RunTally(options);
  const results: FirehoseClickResult[] = [];
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

function decodeRecord(data: string): string | undefined {
  if (!BASE64.test(data)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(data, 'base64'));
  } catch {
    return undefined;
  }
}

function failed(record: FirehoseClickRecord, reason: string, detail: string): ClickRecordOutcome {
  return {
    result: { recordId: record.recordId, result: 'ProcessingFailed', data: record.data },
    failure: { recordId: record.recordId, reason, message: `record ${record.recordId}: ${detail}` },
  };
}
