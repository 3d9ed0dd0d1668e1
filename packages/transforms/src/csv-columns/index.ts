export * from './errors.js';
export * from './header-columns.js';
