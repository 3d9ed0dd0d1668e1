export { CsvColumnNotFoundError } from '../csv-columns/index.js';
export * from './alert.js';
export * from './batch-id.js';
export * from './errors.js';
export * from './maintenance-batch.js';
export * from './priority.js';
export * from './schema.js';
