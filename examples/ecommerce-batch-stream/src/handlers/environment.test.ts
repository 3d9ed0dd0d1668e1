import { S3ObjectStore } from '@sluice/sinks/s3';
import { describe, expect, it } from 'vitest';
import { BotStreamConfigError } from '../errors.js';
import { storeFromEnvironment } from './environment.js';

const ON_LAMBDA = { AWS_LAMBDA_FUNCTION_NAME: 'handler', AWS_REGION: 'us-east-1' };

describe('storeFromEnvironment', () => {
  it('refuses to fall back to a local folder when EVENTS_BUCKET is unset, on Lambda or off it', async () => {
    for (const env of [
      ON_LAMBDA,
      { ...ON_LAMBDA, EVENTS_BUCKET: ' ' },
      { ...ON_LAMBDA, EVENTS_DIR: '/tmp/x' },
      { EVENTS_DIR: 'out/local-bucket' },
    ]) {
      const failure = storeFromEnvironment(env);
      await expect(failure).rejects.toBeInstanceOf(BotStreamConfigError);
      await expect(failure).rejects.toThrow(/EVENTS_BUCKET/);
    }
  });

  it('opens the S3 bucket named by EVENTS_BUCKET on Lambda', async () => {
    const store = await storeFromEnvironment({ ...ON_LAMBDA, EVENTS_BUCKET: 'the-bucket' });
    expect(store).toBeInstanceOf(S3ObjectStore);
  });
});
