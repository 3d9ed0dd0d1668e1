import type { KinesisBatchHandler, KinesisEvent, LambdaContext } from '@sluice/core/lambda';
import { jsonData, kinesisBatchHandler } from '@sluice/core/lambda';
import type { CustomerValueOptions, ScoredCustomer } from '@sluice/transforms/customers';
import { scoreCustomerValue } from '@sluice/transforms/customers';
import { CUSTOMERS_PARQUET } from '../datasets.js';
import { storeFromEnvironment } from './environment.js';
import { LakeBatch, type LakeTargetOptions, lakeTarget, writeLakeBatch } from './lake-batch.js';

/** Dependencies of the ecommerce processor; only `store` is required. */
export interface CustomerProcessorOptions extends LakeTargetOptions {
  scoring?: CustomerValueOptions;
}

/**
 * `ecommerce-data-processor`: scores each customer (`scoreCustomerValue`) and writes the batch to
 * `lake/customers/customer_segment=…/` as Parquet, file names from the batch's sequence numbers.
 *
 * @example const handler = customerProcessor({ store: new LocalObjectStore('lake') });
 */
export function customerProcessor(options: CustomerProcessorOptions): KinesisBatchHandler {
  const target = lakeTarget('customers', options, CUSTOMERS_PARQUET, 'customer_segment');
  return (event, context) => {
    const batch = new LakeBatch<ScoredCustomer>();
    return kinesisBatchHandler({
      name: 'ecommerce-data-processor',
      metrics: { dimensions: { Pipeline: 'multi-source-lake' } },
      decode: jsonData(),
      process: (value, record) => {
        const outcome = scoreCustomerValue(value, options.scoring);
        if (outcome.kind === 'kept') batch.keep(record.sequenceNumber, outcome.value);
        return outcome;
      },
      onReject: (rejection, record) => batch.reject(record.sequenceNumber, rejection),
      onReport: (report) => writeLakeBatch(target, batch, report),
    })(event, context);
  };
}

let deployed: KinesisBatchHandler | undefined;

/** The Lambda entry point: configured from the environment (`LAKE_BUCKET`). */
export async function handler(event: KinesisEvent, context?: LambdaContext) {
  deployed ??= customerProcessor({ store: await storeFromEnvironment() });
  return deployed(event, context);
}
