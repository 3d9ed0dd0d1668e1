// The root export holds only light modules. Backends that load an AWS SDK client or WebAssembly
// have their own subpath: `@sluice/sinks/s3`, `@sluice/sinks/parquet`, `@sluice/sinks/dynamodb`, ...
export * from './dataset/index.js';
export * from './formats/index.js';
