export * from './csv-column-reader.js';
export * from './csv-columns.js';
export * from './csv-reader.js';
export type { CsvRecord } from './csv-scanner.js';
export * from './csv-writer.js';
export * from './errors.js';
export * from './json-lines.js';
export { decodeText, type TextEncodingName } from './text-decoding.js';
