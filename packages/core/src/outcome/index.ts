export * from './outcome.js';
export * from './report.js';
