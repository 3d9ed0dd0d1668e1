import type { RunReport } from '@sluice/core/outcome';
import { type ObjectStore, readText } from '@sluice/core/storage';
import type { CustomerSummary, IntegrationScores, MaintenanceSummary } from '@sluice/transforms/analytics';
import { integrationScores } from '@sluice/transforms/analytics';
import { LakeTaskInputError } from '../errors.js';
import { readCheckpoint } from '../ingestion/checkpoint.js';
import { ANALYTICS_KEYS, checkpointKey, type Domain } from '../layout.js';
import type { AnalyticsOutput } from './analytics.js';
import { storeFromEnvironment } from './environment.js';

/** The two analytics branches' outputs, as the Integrate state passes them. */
export interface IntegrateInput {
  maintenance: AnalyticsOutput;
  customers: AnalyticsOutput;
}

/**
 * `data-integration`: reads both summaries the analytics steps saved and each domain's counts from
 * its ingestion checkpoint, computes the cross-domain scores and saves them under
 * `analytics/integrated/`.
 *
 * @example const scores = await lakeIntegration(store)({ maintenance, customers });
 */
export function lakeIntegration(store: ObjectStore) {
  return async (input: IntegrateInput): Promise<IntegrationScores> => {
    const maintenance = await summaryOf<MaintenanceSummary>(store, input, 'maintenance');
    const customers = await summaryOf<CustomerSummary>(store, input, 'customers');
    const reports = [await countsOf(store, 'maintenance'), await countsOf(store, 'customers')];
    const scores = integrationScores({ maintenance, customers, reports });
    await store.put(ANALYTICS_KEYS.integrated, `${JSON.stringify(scores, null, 2)}\n`, {
      contentType: 'application/json',
    });
    return scores;
  };
}

async function summaryOf<S>(store: ObjectStore, input: IntegrateInput, domain: Domain): Promise<S> {
  const key = input?.[domain]?.summaryKey;
  if (key !== ANALYTICS_KEYS[domain])
    throw new LakeTaskInputError(
      'data-integration',
      `input.${domain}.summaryKey must be ${ANALYTICS_KEYS[domain]}`,
    );
  return JSON.parse(await readText(store, key)) as S;
}

/** A domain's outcome counts so far (the checkpoint's); integration reads nothing else of a report. */
async function countsOf(store: ObjectStore, domain: Domain): Promise<RunReport> {
  const { rows, kept, dropped, rejected } = await readCheckpoint(store, checkpointKey(domain));
  return { read: rows, kept, dropped, rejected, startedAt: '', durationMs: 0 };
}

let deployed: ((input: IntegrateInput) => Promise<IntegrationScores>) | undefined;

/** The Lambda entry point: `LAKE_BUCKET`. */
export async function handler(input: IntegrateInput): Promise<IntegrationScores> {
  deployed ??= lakeIntegration(await storeFromEnvironment());
  return deployed(input);
}
