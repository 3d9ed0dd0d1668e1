export type { RejectedCsvRow } from './csv-tables.js';
export { trinoFormatToStrftime } from './date-format.js';
export { createDuckDbEngine, type DuckDbEngine, type DuckDbEngineOptions } from './duckdb-engine.js';
export {
  DuckDbQueryError,
  DuckDbRestartedError,
  RejectedCsvRowsError,
  TableRegistrationError,
  UnsupportedDateFormatError,
  UnsupportedFunctionError,
} from './errors.js';
export { UNSUPPORTED_TRINO_FUNCTIONS } from './trino-functions.js';
export { trinoMacroStatements } from './trino-macros.js';
export { rewriteTrinoSql } from './trino-rewrite.js';
