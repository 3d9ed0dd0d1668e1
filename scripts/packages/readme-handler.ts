// "A handler written from the READMEs alone" (issue 13): @sluice/sinks' README S3 put handler, the
// same text the README shows (its example file's snippet region), is written into the consumer
// project, bundled from the installed tarballs and invoked as Lambda would, with S3's put event,
// against an s3rver the workspace starts on 127.0.0.1; then the objects it wrote are checked.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readText } from '../../packages/core/src/storage/index.js';
import { S3ObjectStore } from '../../packages/sinks/src/s3/index.js';
import { startS3rver } from '../../packages/sinks/src/testing/s3rver.js';
import { exampleRegion } from '../readme-snippets.js';
import { ROOT } from './workspace.js';

const SINKS = join(ROOT, 'packages/sinks');
const PUT_EVENT = join(ROOT, 'packages/core/src/lambda/fixtures/events/s3/object-created-put.json');

// What a user adds around the README's code to try it: read the event, pass a Lambda-like context.
const INVOKE = `import { readFileSync } from 'node:fs';
import { fakeLambdaContext, type S3Event } from '@sluice/core';
import { handler } from './s3-handler.js';

const event = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as S3Event;
await handler(event, fakeLambdaContext(() => 60_000, { functionName: 'clean-orders' }));
`;

const ORDERS = 'order_id,status,amount\r\n1,shipped,10\r\n2,,5\r\n3,pending\r\n4,pending,7\r\n';
/** Every object in the bucket once the handler ran, and what each must hold. */
const EXPECTED: Record<string, (text: string) => string | undefined> = {
  'raw/orders.csv': () => undefined,
  'raw/no status.csv': () => undefined,
  'processed/orders.csv': (text) =>
    same(text, 'order_id,status,amount\r\n1,shipped,10\r\n4,pending,7\r\n', 'the rows with a status'),
  'quarantine/orders.jsonl': (text) => {
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const got = lines.map((line) => `${line.reason}@${line.position?.line}`).join(', ');
    return same(got, 'ragged-row@4', 'one ragged row at line 4');
  },
  'reports/orders.json': (text) => {
    const { read, kept, dropped, rejected } = JSON.parse(text);
    const got = JSON.stringify({ read, kept, dropped, rejected });
    const want = { read: 4, kept: 2, dropped: { 'no-status': 1 }, rejected: { 'ragged-row': 1 } };
    return same(got, JSON.stringify(want), 'the run report');
  },
  'quarantine/raw/no status.csv.jsonl': (text) =>
    same(JSON.parse(text).reason, 'no-status-column', 'the whole object rejected'),
};

/** The consumer project's files: the README handler as written, and the script that invokes it. */
export function readmeHandlerSources(): Record<string, string> {
  return { 's3-handler.ts': exampleRegion(SINKS, 'examples/s3-handler.ts'), 'invoke-s3-handler.ts': INVOKE };
}

/** Runs the bundled invoker against s3rver; problems with what the handler wrote, empty when none. */
export async function readmeHandlerProblems(bundled: { file: string }): Promise<string[]> {
  const s3 = await startS3rver({ bucket: 'sluice-orders-bucket' });
  try {
    const store = new S3ObjectStore({ bucket: s3.bucket, client: s3.clientConfig });
    await store.put('raw/orders.csv', ORDERS);
    await store.put('raw/no status.csv', 'order_id,state\n1,shipped\n');
    const eventFile = join(dirname(bundled.file), 's3-put-event.json');
    writeFileSync(eventFile, JSON.stringify(putEvent(s3.bucket)));
    const run = spawnSync(process.execPath, [bundled.file, eventFile], {
      encoding: 'utf8',
      env: lambdaEnv(s3.endpoint),
    });
    if (run.status !== 0)
      return [`the README's S3 handler failed: ${run.stderr.trim() || run.stdout.trim()}`];
    return [...emfProblems(run.stdout), ...(await objectProblems(store))];
  } finally {
    await s3.stop();
  }
}

/** S3's put event (core's fixture) for two objects of `bucket`, keys encoded as S3 does, and a delete. */
function putEvent(bucket: string) {
  const [record] = JSON.parse(readFileSync(PUT_EVENT, 'utf8')).Records;
  const at = (key: string, eventName = record.eventName) => ({
    ...record,
    eventName,
    s3: { ...record.s3, bucket: { ...record.s3.bucket, name: bucket }, object: { ...record.s3.object, key } },
  });
  return {
    Records: [at('raw/orders.csv'), at('raw/no+status.csv'), at('raw/gone.csv', 'ObjectRemoved:Delete')],
  };
}

/** A Lambda function's environment, with the SDK pointed at s3rver. */
function lambdaEnv(endpoint: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_LAMBDA_FUNCTION_NAME: 'clean-orders',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_S3: endpoint,
  };
}

/** On Lambda the handler prints its invocation report as one EMF line. */
function emfProblems(stdout: string): string[] {
  const documents = stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const emf = documents.find((document) => '_aws' in document);
  if (!emf) return [`the README's S3 handler printed no EMF line:\n${stdout}`];
  const { RecordsKept, RecordsDropped, RecordsRejected } = emf;
  const problem = same(
    JSON.stringify({ RecordsKept, RecordsDropped, RecordsRejected }),
    JSON.stringify({ RecordsKept: 1, RecordsDropped: 1, RecordsRejected: 1 }),
    'the EMF counts of the invocation',
  );
  return problem ? [problem] : [];
}

async function objectProblems(store: S3ObjectStore): Promise<string[]> {
  const keys = (await store.list('')).objects.map((object) => object.key).sort();
  const expected = Object.keys(EXPECTED).sort();
  if (keys.join('\n') !== expected.join('\n'))
    return [`the README's S3 handler left ${keys.join(', ')}; expected ${expected.join(', ')}`];
  const problems: string[] = [];
  for (const [key, check] of Object.entries(EXPECTED)) {
    const problem = check(await readText(store, key));
    if (problem) problems.push(`the README's S3 handler wrote ${key}: ${problem}`);
  }
  return problems;
}

function same(got: string, want: string, what: string): string | undefined {
  return got === want ? undefined : `${what}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
}
