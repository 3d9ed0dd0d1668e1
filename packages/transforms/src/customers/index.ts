export { CsvColumnNotFoundError } from '../csv-columns/index.js';
export * from './amount.js';
export * from './customer-value.js';
export * from './customers-csv.js';
export * from './errors.js';
export * from './schema.js';
