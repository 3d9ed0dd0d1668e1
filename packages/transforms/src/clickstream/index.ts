export { type ClickTime, parseClickTime, repairCreatedAt } from './created-at.js';
export * from './enrich-click.js';
export * from './firehose.js';
export * from './schema.js';
