export * from './ctas/index.js';
export * from './define-query.js';
export * from './errors.js';
export * from './identifiers.js';
export * from './query.js';
export * from './row-fields.js';
export * from './tables/index.js';
