import { CsvColumnNotFoundError, CsvHeaderError } from './errors.js';

/**
 * The form header names are compared in: lower-case with spaces, `_` and `-` removed, so
 * `" Order_Date "`, `order-date` and `OrderDate` all match.
 *
 * @example normaliseColumnName(' Purchase_Amount ') // 'purchaseamount'
 */
export function normaliseColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Index of the header column whose normalised name equals the first candidate (in candidate
 * order) that any column has; -1 if none does. Two columns with that normalised name are never
 * resolved silently: that is a {@link CsvHeaderError} naming both (and `file`).
 *
 * @example findColumn(['OrderID', ' Order Date '], ['date', 'order_date']) // 1
 */
export function findColumn(header: readonly string[], candidates: readonly string[], file = 'input'): number {
  const names = header.map(normaliseColumnName);
  for (const candidate of candidates) {
    const wanted = normaliseColumnName(candidate);
    const first = names.indexOf(wanted);
    if (first === -1) continue;
    const second = names.indexOf(wanted, first + 1);
    if (second !== -1) throw duplicateColumns(header, first, second, file);
    return first;
  }
  return -1;
}

/** The columns a reader needs, by canonical name (the names its schema uses). */
export interface CsvColumnSpec {
  /** Without one of these no row can be read: a file lacking one is refused before any row is read. */
  readonly required: readonly string[];
  /** Read when the file has them. */
  readonly optional?: readonly string[];
  /** The header names a column may have, when not its own (`{ orderDate: ['orderdate', 'date'] }`). */
  readonly candidates?: Readonly<Record<string, readonly string[]>>;
}

/** Where the needed columns sit in one file's header. */
export class HeaderColumns {
  constructor(
    /** Canonical names of the columns the file has, in the order of the spec (required first). */
    readonly names: readonly string[],
    /** `indexes[i]` is the field index of `names[i]`. */
    readonly indexes: readonly number[],
    readonly header: readonly string[],
  ) {}

  /** The field index of a canonical column; -1 if the file has none. */
  at(name: string): number {
    const found = this.names.indexOf(name);
    return found === -1 ? -1 : (this.indexes[found] as number);
  }

  /** A record's fields keyed by canonical name; optional columns the file lacks are left out. */
  row(fields: readonly string[]): Record<string, string> {
    const row: Record<string, string> = {};
    for (let i = 0; i < this.names.length; i++)
      row[this.names[i] as string] = fields[this.indexes[i] as number] ?? '';
    return row;
  }

  /** The header name, as written in the file, of a canonical column; `undefined` if it has none. */
  headerName(name: string): string | undefined {
    return this.header[this.at(name)];
  }
}

/**
 * Finds the columns of `spec` in a CSV header by normalised name (`customer_id`, `" Purchase Amount "`
 * and `Purchase-Amount` all match), each by {@link findColumn}: two columns that read as one name are
 * a {@link CsvHeaderError}, and a missing required column a {@link CsvColumnNotFoundError} naming
 * every one missing and `file`.
 *
 * @example
 * const scan = await openCsvScan(input, { file });
 * const columns = headerColumns(scan.header, { required: ['machine_id'], optional: ['humidity'] }, file);
 * columns.row(record.fields); // { machine_id: '15', humidity: '79.96' }
 */
export function headerColumns(header: readonly string[], spec: CsvColumnSpec, file: string): HeaderColumns {
  const names: string[] = [];
  const indexes: number[] = [];
  for (const name of [...spec.required, ...(spec.optional ?? [])]) {
    const index = findColumn(header, spec.candidates?.[name] ?? [name], file);
    if (index === -1) continue;
    names.push(name);
    indexes.push(index);
  }
  const missing = spec.required.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new CsvColumnNotFoundError(file, missing, header);
  return new HeaderColumns(names, indexes, header);
}

function duplicateColumns(header: readonly string[], first: number, second: number, file: string) {
  const name = (i: number) => `"${header[i]}" (column ${i + 1})`;
  return new CsvHeaderError(
    `${file}: columns ${name(first)} and ${name(second)} both read as "${normaliseColumnName(header[first] ?? '')}"; rename one`,
    file,
    1,
  );
}
