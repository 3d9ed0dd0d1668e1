export { type CtasColumn, type CtasSpec, toCtasSql, toDuckDbCopySql, toUnloadSql } from './ctas.js';
export { CtasDefinitionError } from './errors.js';
