import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3ClientConfig } from '@aws-sdk/client-s3';

/** A running s3rver with one empty bucket, and the client settings that talk to it correctly. */
export interface RunningS3rver {
  endpoint: string;
  bucket: string;
  clientConfig: S3ClientConfig;
  stop(): Promise<void>;
}

/**
 * Client settings for an S3 emulator. Without the two checksum settings SDK v3 sends bodies with
 * aws-chunked framing, which s3rver stores verbatim inside the object.
 *
 * @example
 * const client = new S3Client(emulatorClientConfig('http://127.0.0.1:4568'));
 */
export function emulatorClientConfig(endpoint: string): S3ClientConfig {
  return {
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
}

// s3rver encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 only offers through
// its legacy provider; so it runs in its own Node process started with that provider.
const SERVER_SCRIPT = `
const S3rver = require(process.argv[1]);
const [directory, bucket] = process.argv.slice(2);
new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] })
  .run()
  .then(({ port }) => process.stdout.write(JSON.stringify({ port }) + '\\n'));
`;

/**
 * Starts s3rver on 127.0.0.1 with a free port, a temporary directory and one bucket.
 *
 * @example
 * const s3 = await startS3rver();
 * const store = new S3ObjectStore({ bucket: s3.bucket, client: s3.clientConfig });
 * await s3.stop();
 */
export async function startS3rver(options: { bucket?: string } = {}): Promise<RunningS3rver> {
  const bucket = options.bucket ?? 'sluice-test';
  const directory = await mkdtemp(join(tmpdir(), 'sluice-s3rver-'));
  const entry = createRequire(import.meta.url).resolve('s3rver');
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '-e', SERVER_SCRIPT, entry, directory, bucket],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await listeningPort(child);
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    clientConfig: emulatorClientConfig(endpoint),
    async stop() {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill();
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function listeningPort(child: ChildProcess): Promise<number> {
  let output = '';
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`s3rver exited with code ${code} before listening`);
  });
  exited.catch(() => undefined); // after startup, a later exit (stop) is expected
  const listening = (async () => {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      output += chunk.toString('utf8');
      if (output.includes('\n')) return (JSON.parse(output) as { port: number }).port;
    }
    throw new Error('s3rver closed its output before listening');
  })();
  return Promise.race([listening, exited]);
}
