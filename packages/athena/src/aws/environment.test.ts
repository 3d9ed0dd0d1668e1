import { ConfigurationError } from '@sluice/core/lambda';
import { describe, expect, it } from 'vitest';
import { athenaSettingsFromEnvironment } from './environment.js';

describe('athenaSettingsFromEnvironment', () => {
  it('reads the work group, database and output location, leaving unset ones out', () => {
    const env = { ATHENA_WORKGROUP: 'sluice', ATHENA_OUTPUT_LOCATION: 's3://results/athena/' };
    expect(athenaSettingsFromEnvironment(env)).toEqual({
      workGroup: 'sluice',
      outputLocation: 's3://results/athena/',
    });
    expect(
      athenaSettingsFromEnvironment(
        { CLICKS_DATABASE: 'clickstream' },
        { databaseVariable: 'CLICKS_DATABASE' },
      ),
    ).toEqual({
      database: 'clickstream',
    });
  });

  it('refuses an output location that is not an s3:// URL, naming the variable', () => {
    const read = () => athenaSettingsFromEnvironment({ ATHENA_OUTPUT_LOCATION: '/tmp/results' });
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(/ATHENA_OUTPUT_LOCATION must be an s3:\/\/ URL/);
  });
});
