// README "Athena", against AthenaFake (a local Athena speaking the service's protocol): the hidden
// prelude points the SDK at it through the environment, as a Lambda's configuration points it at Athena.

import { sqlDate } from '@sluice/athena';
import { AthenaFake } from '@sluice/athena/testing';
import { ordersSince } from './queries.js';

const fake = new AthenaFake().script(/FROM orders/, {
  outcome: {
    state: 'SUCCEEDED',
    columns: [
      { name: 'orderid', type: 'integer' },
      { name: 'status', type: 'varchar' },
    ],
    rows: [['2', 'pending']],
  },
});
Object.assign(process.env, {
  AWS_ENDPOINT_URL_ATHENA: await fake.start(),
  AWS_ACCESS_KEY_ID: 'AKIDFAKEFAKEFAKE',
  AWS_SECRET_ACCESS_KEY: 'fake-secret',
});
const params = { from: sqlDate('2025-01-01'), status: 'pending' };
const { signal } = new AbortController();
const rows: unknown[] = [];

// #region readme
import { createAthenaEngine } from '@sluice/athena/aws';

const engine = createAthenaEngine({
  client: { region: 'eu-west-1' }, // or a ready AthenaClient; created on first use
  workGroup: 'analytics',
  outputLocation: 's3://my-bucket/athena-results/',
  database: 'sales',
  idempotent: true, // ClientRequestToken derived from query + params
  deadlineMs: 10 * 60_000,
});
for await (const row of engine.stream(ordersSince, params, { signal })) {
  rows.push(row); // { orderid: 2, status: 'pending' }
}
// #endregion

await fake.stop();
export const ran = { rows, started: fake.started };
