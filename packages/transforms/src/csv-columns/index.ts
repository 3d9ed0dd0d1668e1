// The column finder lives in core's codecs; transforms and their callers have always imported it here.
export {
  CsvColumnNotFoundError,
  type CsvColumnSpec,
  HeaderColumns,
  headerColumns,
} from '@sluice/core/codecs';
