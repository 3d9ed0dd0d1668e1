export { CONTRACT_TABLES, describeKeyValueSink } from '../dynamodb/key-value-sink-contract.js';
export { describeNotifier } from '../notify/notifier-contract.js';
export { type DynaliteOptions, type RunningDynalite, startDynalite } from './dynalite.js';
export { type RunningKinesalite, startKinesalite } from './kinesalite.js';
export { emulatorClientConfig, type RunningS3rver, startS3rver } from './s3rver.js';
