import { LocalObjectStore } from '@sluice/core';
import { S3ObjectStore } from '@sluice/sinks/s3';
import { describe, expect, it } from 'vitest';
import { LakeConfigError } from '../errors.js';
import { storeFromEnvironment } from './environment.js';

const ON_LAMBDA = { AWS_LAMBDA_FUNCTION_NAME: 'handler', AWS_REGION: 'us-east-1' };

describe('storeFromEnvironment', () => {
  it('uses the local folder when LAKE_BUCKET is unset off Lambda', async () => {
    const store = await storeFromEnvironment({ LAKE_DIR: 'out/local-bucket' });
    expect(store).toBeInstanceOf(LocalObjectStore);
  });

  it('refuses to fall back to a local folder on Lambda when LAKE_BUCKET is unset', async () => {
    for (const env of [ON_LAMBDA, { ...ON_LAMBDA, LAKE_BUCKET: ' ' }, { ...ON_LAMBDA, LAKE_DIR: '/tmp/x' }]) {
      const failure = storeFromEnvironment(env);
      await expect(failure).rejects.toBeInstanceOf(LakeConfigError);
      await expect(failure).rejects.toThrow(/LAKE_BUCKET/);
    }
  });

  it('opens the S3 bucket named by LAKE_BUCKET on Lambda', async () => {
    const store = await storeFromEnvironment({ ...ON_LAMBDA, LAKE_BUCKET: 'the-bucket' });
    expect(store).toBeInstanceOf(S3ObjectStore);
  });
});
