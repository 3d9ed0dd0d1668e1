export * from './memory-object-store.js';
