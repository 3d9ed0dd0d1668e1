// README "Metrics (CloudWatch EMF)". Hidden prelude: a run report with one drop and one rejection.
import { RunTally } from '@sluice/core';

const tally = new RunTally();
tally.keep(2);
tally.drop('stale');
tally.reject('invalid-date');
const report = tally.report();

// #region readme
import { emfMetric, runReportEmf } from '@sluice/sinks/metrics';

for (const line of runReportEmf(report, {
  namespace: 'Sluice',
  dimensions: { Pipeline: 'orders', Stage: 'filter' },
})) {
  console.log(line); // Lambda ships stdout to CloudWatch Logs, which extracts the metrics
}
console.log(
  emfMetric('BotDetections', 1, 'Count', { Pipeline: 'bots', Severity: 'high' }, { namespace: 'Sluice' }),
);
// #endregion
