// README "An S3 put handler", against s3rver: the hidden prelude points the SDK at it through the
// environment (as a Lambda's configuration points it at S3) and puts the raw object; the lines after
// the README's code invoke the handler with S3's put event. The packaging check
// (scripts/packages/consumer.ts) bundles the same README text from the installed tarballs.
import { startS3rver } from '@sluice/sinks/testing';

const s3 = await startS3rver({ bucket: 'orders-bucket' });
Object.assign(process.env, {
  AWS_ENDPOINT_URL_S3: s3.endpoint,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
});

// #region readme
import {
  encodeJsonLines,
  findColumn,
  objectSink,
  openCsv,
  pipeline,
  rejected,
  s3ObjectHandler,
} from '@sluice/core';
import { bucketStores } from '@sluice/sinks/buckets';

const storeOf = bucketStores(); // one S3ObjectStore per bucket the events name, created on first use
const csvLines = (eol: string) => (rows: readonly { raw?: string }[]) =>
  rows.map((row) => `${row.raw}${eol}`).join('');
const jsonLines = (rows: readonly unknown[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');

// raw/<name>.csv → processed/<name>.csv (the rows with a status), quarantine/<name>.jsonl
// (unreadable rows with file and line) and reports/<name>.json (the run report).
export const handler = s3ObjectHandler({
  name: 'clean-orders',
  filter: { prefix: 'raw/', suffix: '.csv' },
  process: async ({ bucket, key }) => {
    const store = await storeOf(bucket);
    const name = key.slice('raw/'.length, -'.csv'.length);
    const csv = await openCsv(await store.get(key), { file: `s3://${bucket}/${key}`, keepRaw: true });
    const eol = csv.lineTerminator; // kept rows leave as they came: CRLF stays CRLF
    const status = findColumn(csv.header, ['status', 'order_status'], key);
    if (status < 0) return rejected('no-status-column', `${key}: no status column`); // to onReject
    const report = await pipeline(csv.records)
      .filter((row) => row.fields[status]?.trim() !== '', 'no-status')
      .run({
        sink: objectSink(store, `processed/${name}.csv`, csvLines(eol), { header: `${csv.headerRaw}${eol}` }),
        quarantine: objectSink(store, `quarantine/${name}.jsonl`, jsonLines),
      });
    await store.put(`reports/${name}.json`, JSON.stringify(report));
  },
  // A whole object that cannot be used (no status column, deleted before it was read): never retried.
  onReject: async (rejection, { bucket, key }) => {
    await (await storeOf(bucket)).put(`quarantine/${key}.jsonl`, encodeJsonLines([rejection]));
  },
});
// #endregion

export { s3 };
