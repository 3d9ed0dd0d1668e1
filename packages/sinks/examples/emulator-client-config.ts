// README "Integration tests against s3rver": the client settings.

// #region readme
import { emulatorClientConfig } from '@sluice/sinks/testing';

const config = emulatorClientConfig('http://127.0.0.1:4568'); // what s3.clientConfig holds
// {
//   endpoint: 'http://127.0.0.1:4568', region: 'us-east-1', forcePathStyle: true,
//   requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
//   credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
// }
// #endregion

export const ran = { config };
