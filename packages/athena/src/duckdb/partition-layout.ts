import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseColumnType, toDuckDbType } from '../tables/column-types.js';
import type { ColumnDefinition, TableDefinition } from '../tables/table-definition.js';
import { TableRegistrationError } from './errors.js';

const PLACEHOLDER = /\$\{([a-z_][a-z0-9_]*)\}/g;

/**
 * The local path an `s3://`, `file://` or plain location stands for: `s3://bucket/prefix/` is
 * `<localRoot>/bucket/prefix/`.
 *
 * @example localPathOf('s3://orders/processed/', 'processed', '/data') // '/data/orders/processed'
 */
export function localPathOf(location: string, table: string, localRoot: string | undefined): string {
  if (location.startsWith('file://')) return fileURLToPath(location);
  if (!location.startsWith('s3://')) return resolve(location);
  if (localRoot === undefined) {
    throw new TableRegistrationError(table, `location ${location} needs the engine's localRoot option`);
  }
  return join(resolve(localRoot), location.slice('s3://'.length));
}

/** True when partitions live under `storage.location.template` folders instead of `key=value/`. */
export function usesLocationTemplate(table: TableDefinition): boolean {
  return table.partitions.length > 0 && table.projection?.locationTemplate !== undefined;
}

/**
 * Glob of the files under a projected table's location template: each `${column}` becomes as many
 * `*` folders as its projected values hold (`yyyy/MM/dd/HH` → four).
 *
 * @example templateFilesGlob(clicks, '/data') // '/data/clicks-bucket/clicks/*\/*\/*\/*\/**\/[!_.]*'
 */
export function templateFilesGlob(table: TableDefinition, localRoot: string | undefined): string {
  const path = templatePath(table, localRoot);
  const glob = path.replace(PLACEHOLDER, (_, column: string) =>
    Array(segmentsOf(table, column)).fill('*').join('/'),
  );
  return join(glob, '**', '[!_.]*');
}

/**
 * The SELECT expression of a partition column: the Hive column itself, or its value cut out of the
 * file path with the location template.
 */
export function partitionSelect(
  table: TableDefinition,
  column: ColumnDefinition,
  localRoot: string | undefined,
): string {
  if (!usesLocationTemplate(table)) return `"${column.name}"`;
  const pattern = templatePattern(table, column.name, localRoot);
  const type = toDuckDbType(parseColumnType(column.type) ?? { kind: 'primitive', name: 'string' });
  return `CAST(regexp_extract(filename, '${pattern.replaceAll("'", "''")}', 1) AS ${type}) AS "${column.name}"`;
}

function templatePattern(table: TableDefinition, wanted: string, localRoot: string | undefined): string {
  const path = templatePath(table, localRoot);
  const parts = path.split(PLACEHOLDER);
  const regex = parts.map((part, i) => {
    if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const value = `[^/]+(?:/[^/]+){${segmentsOf(table, part) - 1}}`;
    return part === wanted ? `(${value})` : value;
  });
  return `^${regex.join('')}`;
}

function templatePath(table: TableDefinition, localRoot: string | undefined): string {
  return localPathOf(table.projection?.locationTemplate ?? table.location, table.name, localRoot);
}

function segmentsOf(table: TableDefinition, column: string): number {
  const projection = table.projection?.columns[column];
  const format = projection?.type === 'date' ? projection.format : '';
  return format.split('/').length;
}
