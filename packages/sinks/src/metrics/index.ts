export * from './emf.js';
export * from './errors.js';
export * from './run-report.js';
