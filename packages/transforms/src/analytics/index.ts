export * from './customer-summary.js';
export * from './errors.js';
export * from './integration.js';
export * from './maintenance-summary.js';
export * from './schema.js';
