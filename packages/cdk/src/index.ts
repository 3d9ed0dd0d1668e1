export { bundleDir } from './bundles.js';
export { type LeastPrivilegeScope, leastPrivilegeFindings, type TemplateJson } from './least-privilege.js';
export { acknowledge, awsSolutionsErrors, referenceApp } from './nag.js';
export { type ParquetWasmFiles, SluiceFunction, type SluiceFunctionProps } from './sluice-function.js';
