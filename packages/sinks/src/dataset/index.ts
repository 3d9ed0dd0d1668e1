export type { DatasetFormat, DatasetFormatOptions } from './dataset-format.js';
export { DatasetOptionsError } from './errors.js';
export { escapeHivePathName, HIVE_DEFAULT_PARTITION } from './hive-partitions.js';
export {
  type DatasetFile,
  type DatasetWriteMode,
  type DatasetWriteResult,
  type WriteDatasetOptions,
  writeDataset,
} from './write-dataset.js';
