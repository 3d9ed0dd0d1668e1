export { LocalApiError } from './errors.js';
export { type LocalAthena, type LocalAthenaOptions, startLocalAthena } from './local-athena.js';
