import { findColumn } from '@sluice/core/codecs';
import { CsvColumnNotFoundError } from './errors.js';

/** The columns a transform reads from CSV, by canonical name (the names its schema uses). */
export interface CsvColumnSpec {
  /** Without one of these no row can be scored: a file lacking one is refused before any row is read. */
  readonly required: readonly string[];
  /** Read when the file has them. */
  readonly optional?: readonly string[];
}

/** Where a transform's columns sit in one file's header. */
export class HeaderColumns {
  constructor(
    /** Canonical names of the columns the file has, required ones first. */
    readonly names: readonly string[],
    /** `indexes[i]` is the field index of `names[i]`. */
    readonly indexes: readonly number[],
    readonly header: readonly string[],
  ) {}

  /** A record's fields keyed by canonical name; optional columns the file lacks are left out. */
  row(fields: readonly string[]): Record<string, string> {
    const row: Record<string, string> = {};
    for (let i = 0; i < this.names.length; i++) row[this.names[i]!] = fields[this.indexes[i]!] ?? '';
    return row;
  }

  /** The header name, as written in the file, of a canonical column; `undefined` if it has none. */
  headerName(name: string): string | undefined {
    const at = this.names.indexOf(name);
    return at === -1 ? undefined : this.header[this.indexes[at]!];
  }
}

/**
 * Finds a transform's columns in a CSV header by normalised name (`customer_id`, `" Purchase Amount "`
 * and `Purchase-Amount` all match), so a file whose headers are spelled differently reads exactly like
 * the canonical one. Throws `CsvHeaderError` (from core) naming both columns and `file` when two
 * columns read as one name, and {@link CsvColumnNotFoundError} naming every missing required column.
 *
 * @example
 * const scan = await openCsvScan(input, { file });
 * const columns = headerColumns(scan.header, { required: ['machine_id'], optional: ['humidity'] }, file);
 * columns.row(record.fields); // { machine_id: '15', humidity: '79.96' }
 */
export function headerColumns(header: readonly string[], spec: CsvColumnSpec, file: string): HeaderColumns {
  const names: string[] = [];
  const indexes: number[] = [];
  const missing: string[] = [];
  for (const name of [...spec.required, ...(spec.optional ?? [])]) {
    const index = findColumn(header, [name], file);
    if (index !== -1) {
      names.push(name);
      indexes.push(index);
    } else if (spec.required.includes(name)) missing.push(name);
  }
  if (missing.length > 0) throw new CsvColumnNotFoundError(file, missing, header);
  return new HeaderColumns(names, indexes, header);
}
