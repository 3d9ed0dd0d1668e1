export * from './bucket-stores.js';
