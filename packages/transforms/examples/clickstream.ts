// README "enrichClick", invoked with core's Firehose transformation event fixture.

// #region readme
import type { FirehoseTransformationEvent } from '@sluice/core';
import { enrichClickRecords } from '@sluice/transforms/clickstream';

export const handler = async (event: FirehoseTransformationEvent) => {
  const { records, failures } = enrichClickRecords(event.records);
  for (const failure of failures) console.warn(failure.message); // 'record 4957…: created_at "someday" is not a timestamp'
  return { records };
};
// or with core's checked handler: firehoseTransformHandler({ process: enrichClickForFirehose })
// #endregion
