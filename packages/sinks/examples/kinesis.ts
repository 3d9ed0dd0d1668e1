// README "Kinesis", at the client boundary (aws-sdk-client-mock): the first call refuses one entry
// with a throttling error, the retry takes it.
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { mockClient } from 'aws-sdk-client-mock';

const kinesis = mockClient(KinesisClient);
kinesis
  .on(PutRecordsCommand)
  .resolvesOnce({
    FailedRecordCount: 1,
    Records: [{ SequenceNumber: '1', ShardId: 's' }, { ErrorCode: 'ProvisionedThroughputExceededException' }],
  })
  .resolves({ FailedRecordCount: 0, Records: [{ SequenceNumber: '2', ShardId: 's' }] });
interface Reading {
  machine_id: string;
  temperature: number;
}
const readings: Reading[] = [
  { machine_id: 'M-1', temperature: 71 },
  { machine_id: 'M-2', temperature: 64 },
  { machine_id: '', temperature: 12 },
];

// #region readme
import { KinesisProducer } from '@sluice/sinks/kinesis';

const producer = new KinesisProducer({ streamName: 'readings', partitionKey: (r: Reading) => r.machine_id });
const report = await producer.put(readings);
// { sent: 2, retried: 1, rejected: [{ index, record, reason: 'too-large' | 'invalid-partition-key', message }], failed: [] }
// #endregion

const calls = kinesis.commandCalls(PutRecordsCommand).map((call) => call.args[0].input);
kinesis.restore();
export const ran = { report, calls };
