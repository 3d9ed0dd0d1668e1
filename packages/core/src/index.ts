export * from './codecs/index.js';
export * from './lambda/index.js';
export * from './outcome/index.js';
export * from './pipeline/index.js';
export * from './retry/index.js';
export * from './runner/index.js';
export * from './storage/index.js';
export * from './validation/index.js';
