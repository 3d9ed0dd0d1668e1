// README "Testing without AWS".
import { defineQuery } from '@sluice/athena';
import * as z from 'zod/mini';

const numbers = defineQuery({
  name: 'numbers',
  sql: 'SELECT n FROM numbers',
  row: z.object({ n: z.number() }),
});

// #region readme
import { createAthenaEngine } from '@sluice/athena/aws';
import { AthenaFake } from '@sluice/athena/testing';

const fake = new AthenaFake({ pageSize: 2 }).script('SELECT n FROM numbers', {
  runningPolls: 3, // QUEUED, RUNNING, RUNNING, then the outcome
  outcome: { state: 'SUCCEEDED', columns: [{ name: 'n', type: 'integer' }], rows: [['1'], ['2']] },
});
fake.failNext('GetQueryExecution', 2); // throttle the next two polls
await fake.start();
const engine = createAthenaEngine({ client: fake.clientConfig(), pollBaseDelayMs: 1 });
const { rows } = await engine.run(numbers, {}); // [{ n: 1 }, { n: 2 }]
// … fake.count('StopQueryExecution'), fake.started[0].parameters …
await fake.stop();
// #endregion

export const ran = { rows, polls: fake.count('GetQueryExecution') };
