export * from './object-store-contract.js';
