// README "analytics", over the README's maintenance batch and scored customers.
import { ran as customerRun } from './customers.js';
import { ran as maintenance } from './maintenance.js';

const { batch } = maintenance;
const { scored } = customerRun;
const run = { report: () => customerRun.report };

// #region readme
import { CustomerSummariser, integrationScores, MaintenanceSummariser } from '@sluice/transforms/analytics';

const machines = new MaintenanceSummariser();
for (const reading of batch.scored) machines.add(reading);
const customers = new CustomerSummariser();
for (const customer of scored) customers.add(customer);
const scores = integrationScores({
  maintenance: machines.result(),
  customers: customers.result(),
  reports: [batch.report, run.report()],
}); // { machine_health, operational_excellence_score, business_health_index, data_quality_composite }
// #endregion

export const ran = { scores };
