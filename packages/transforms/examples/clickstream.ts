// README "enrichClick", invoked with core's Firehose transformation event fixture.

// #region readme
import { firehoseTransformHandler } from '@sluice/core';
import { enrichClickForFirehose } from '@sluice/transforms/clickstream';

// Each record answered once, same id, same order; the report and EMF metrics come from core.
export const handler = firehoseTransformHandler({
  process: enrichClickForFirehose,
  onReject: (rejection) => console.warn(rejection.message), // 'created_at "someday" is not a timestamp'
});
// #endregion
