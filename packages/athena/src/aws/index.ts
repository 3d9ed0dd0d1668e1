export * from './athena-engine.js';
export * from './athena-text.js';
export * from './decode.js';
export * from './errors.js';
export * from './execution-parameters.js';
export * from './options.js';
export * from './stats.js';
export * from './timestamps.js';
