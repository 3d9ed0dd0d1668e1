export * from './channel.js';
export * from './errors.js';
export * from './pipeline.js';
export * from './sinks.js';
export * from './stages.js';
