// README "S3 object store", against s3rver: the hidden prelude points the SDK at it through the
// environment, as a Lambda's configuration would point it at S3.
import { startS3rver } from '@sluice/sinks/testing';

const s3 = await startS3rver({ bucket: 'my-lake' });
Object.assign(process.env, {
  AWS_ENDPOINT_URL_S3: s3.endpoint,
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
});
const body = 'orderid,status\n1,shipped\n';
const read: Uint8Array[] = [];
const handle = (chunk: Uint8Array) => read.push(chunk);

// #region readme
import { S3ObjectStore } from '@sluice/sinks/s3';

const store = new S3ObjectStore({ bucket: 'my-lake', prefix: 'orders/', client: { region: 'eu-west-1' } });
await store.put('processed/orders.csv', body, { contentType: 'text/csv' }); // bytes, string or async iterable
for await (const chunk of await store.get('processed/orders.csv')) handle(chunk);
// #endregion

export const ran = { s3, store, read };
