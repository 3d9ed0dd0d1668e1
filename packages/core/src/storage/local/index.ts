export * from './local-object-store.js';
