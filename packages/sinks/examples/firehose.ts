// README "Firehose", at the client boundary (aws-sdk-client-mock).
import { FirehoseClient, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { mockClient } from 'aws-sdk-client-mock';

const firehose = mockClient(FirehoseClient);
firehose
  .on(PutRecordBatchCommand)
  .resolves({ FailedPutCount: 0, RequestResponses: [{ RecordId: 'a' }, { RecordId: 'b' }] });
const clicks = [
  { element_clicked: 'drink_3', time_spent: 14 },
  { element_clicked: 'main_course_12', time_spent: 3 },
];

// #region readme
import { FirehoseProducer } from '@sluice/sinks/firehose';

const report = await new FirehoseProducer({ deliveryStreamName: 'clicks' }).put(clicks);
// #endregion

const calls = firehose.commandCalls(PutRecordBatchCommand).map((call) => call.args[0].input);
firehose.restore();
export const ran = { report, calls };
