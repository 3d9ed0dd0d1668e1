// README "Tables". Hidden prelude: the clicks schema, and `athena`, an engine on AthenaFake that
// accepts the DDL.
import { createAthenaEngine } from '@sluice/athena/aws';
import { AthenaFake } from '@sluice/athena/testing';
import * as z from 'zod/mini';

const clickSchema = z.object({
  element_clicked: z.string(),
  time_spent: z.int(),
  created_at: z.iso.datetime(),
});
const fake = new AthenaFake().script(/^CREATE EXTERNAL TABLE/, {
  outcome: { state: 'SUCCEEDED', columns: [], rows: [] },
});
await fake.start();
const athena = createAthenaEngine({ client: fake.clientConfig(), pollBaseDelayMs: 1 });

// #region readme
import { defineTable, toCdkTableInput, toCreateTableDdl } from '@sluice/athena';

const clicks = defineTable({
  name: 'clicks',
  database: 'clickstream',
  format: 'json', // openx JsonSerDe; 'csv' (OpenCSVSerde or LazySimpleSerDe) and 'parquet' too
  location: 's3://clicks-bucket/clicks/',
  schema: clickSchema, // a zod object; or columns: [{ name, type }]
  partitions: [{ name: 'datehour', type: 'string' }],
  projection: {
    columns: {
      datehour: {
        type: 'date',
        format: 'yyyy/MM/dd/HH',
        range: ['2021/01/01/00', 'NOW'],
        interval: 1,
        unit: 'HOURS',
      },
    },
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's placeholder, filled by Athena
    locationTemplate: 's3://clicks-bucket/clicks/${datehour}/',
  },
});

await athena.execute(toCreateTableDdl(clicks)); // CREATE EXTERNAL TABLE IF NOT EXISTS `clickstream`.`clicks` …
const tableInput = toCdkTableInput(clicks); // for CDK:
// new glue.CfnTable(stack, 'Clicks', { catalogId, databaseName: 'clickstream', tableInput });
// #endregion

await fake.stop();
export const ran = { sql: fake.started.map((s) => s.sql), tableInput };
