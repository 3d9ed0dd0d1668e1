export * from './json-lines-notifier.js';
export * from './local-dynamo.js';
export * from './memory-key-value-sink.js';
