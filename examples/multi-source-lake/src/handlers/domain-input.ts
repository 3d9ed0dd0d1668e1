import type { CsvColumnSpec } from '@sluice/transforms';
import { CUSTOMER_COLUMNS } from '@sluice/transforms/customers';
import { MACHINE_READING_COLUMNS } from '@sluice/transforms/maintenance';
import { LakeTaskInputError } from '../errors.js';
import type { Domain } from '../layout.js';

/** What a raw file's rows become on the stream: the columns read, and the one that picks the shard. */
export const DOMAIN_RECORDS: Record<Domain, { columns: CsvColumnSpec; partitionKey: string }> = {
  maintenance: { columns: MACHINE_READING_COLUMNS, partitionKey: 'machine_id' },
  customers: { columns: CUSTOMER_COLUMNS, partitionKey: 'Customer_ID' },
};

/** The `domain` of a task's input (`{"domain": "maintenance"}`), or a typed error naming the task. */
export function domainOf(task: string, input: unknown): Domain {
  const domain = (input as { domain?: unknown } | null)?.domain;
  if (domain === 'maintenance' || domain === 'customers') return domain;
  throw new LakeTaskInputError(
    task,
    `input.domain must be "maintenance" or "customers", got ${JSON.stringify(domain)}`,
  );
}
