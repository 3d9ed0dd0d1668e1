export * from './errors.js';
export { assertObjectKey } from './keys.js';
export * from './local/index.js';
export * from './memory/index.js';
export * from './object-store.js';
export { QuarantineFile } from './quarantine-file.js';
