export * from './contract-orders.js';
export * from './contract-queries.js';
export * from './query-engine-contract.js';
