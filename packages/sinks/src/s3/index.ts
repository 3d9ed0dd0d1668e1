export { S3RequestError } from './errors.js';
export type { S3ClientSource } from './s3-client.js';
export { S3ObjectStore, type S3ObjectStoreOptions } from './s3-object-store.js';
