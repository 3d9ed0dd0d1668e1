export { type CsvFormatOptions, csvFormat, writeCsv } from './csv-format.js';
export * from './file-format.js';
export { jsonLinesFormat, writeJsonLines } from './json-lines-format.js';
