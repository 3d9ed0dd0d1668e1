// README "Integration tests against s3rver".

// #region readme
import { S3ObjectStore } from '@sluice/sinks/s3';
import { startS3rver } from '@sluice/sinks/testing';

const s3 = await startS3rver(); // 127.0.0.1, free port, temp directory, one bucket
const store = new S3ObjectStore({ bucket: s3.bucket, client: s3.clientConfig });
await store.put('raw/orders.csv', 'id\n1\n');
const head = await store.head('raw/orders.csv'); // { key: 'raw/orders.csv', size: 5, … }
await s3.stop();
// #endregion

export const ran = { head };
