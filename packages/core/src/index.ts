export * from './outcome/index.js';
export * from './retry/index.js';
export * from './storage/index.js';
