// In-memory and file-backed stand-ins that load no AWS SDK. `startLocalDynamo`, which loads the
// DynamoDB client, is its own entry: `@sluice/sinks/local/dynamo`.
export { FileKeyValueSink, type FileKeyValueSinkOptions } from './file-key-value-sink.js';
export { JsonLinesNotifier } from './json-lines-notifier.js';
export { MemoryKeyValueSink } from './memory-key-value-sink.js';
