export * from './amount.js';
export * from './customer-rows.js';
export * from './customer-value.js';
export * from './errors.js';
export * from './schema.js';
