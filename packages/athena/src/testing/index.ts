export * from './athena-contract-fake.js';
export * from './athena-fake.js';
export * from './athena-literals.js';
export * from './contract-orders.js';
export * from './contract-queries.js';
export * from './query-engine-contract.js';
