// Tools for testing against Athena without AWS, and the contract suite every QueryEngine runs.
// Needs vitest (an optional peer dependency) for `describeQueryEngineContract`.
export * from './athena-contract-fake.js';
export * from './athena-fake.js';
export * from './contract-orders.js';
export * from './contract-queries.js';
export * from './query-engine-contract.js';
