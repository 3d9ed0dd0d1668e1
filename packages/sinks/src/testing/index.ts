export { emulatorClientConfig, type RunningS3rver, startS3rver } from './s3rver.js';
