export * from './as-of.js';
export * from './calendar-day.js';
export * from './date-formats.js';
export * from './errors.js';
export * from './time-zone.js';
