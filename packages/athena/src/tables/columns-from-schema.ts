import { TableDefinitionError } from './errors.js';
import type { ColumnDefinition } from './table-definition.js';

/** The part of a zod 4 schema (classic or mini) that column types are read from. */
export interface SchemaLike {
  _zod: { def: SchemaDef };
}

interface SchemaDef {
  type: string;
  format?: string;
  innerType?: SchemaLike;
  element?: SchemaLike;
  valueType?: SchemaLike;
  keyType?: SchemaLike;
  shape?: Readonly<Record<string, SchemaLike>>;
  in?: SchemaLike;
}

/** A zod object schema (`z.object({...})`), whose fields become the table's columns in order. */
export interface ObjectSchemaLike {
  _zod: { def: SchemaDef & { type: 'object'; shape: Readonly<Record<string, SchemaLike>> } };
}

/**
 * Athena columns for a zod object schema: `z.int()`/`z.bigint()` → bigint, `z.number()` → double,
 * `z.iso.date()` → date, `z.iso.datetime()`/`z.date()` → timestamp, arrays, records and nested
 * objects → array/map/struct; optional and nullable wrappers are looked through.
 *
 * @example columnsFromSchema(z.object({ id: z.int(), at: z.iso.datetime() }), 'clicks')
 * // [{ name: 'id', type: 'bigint' }, { name: 'at', type: 'timestamp' }]
 */
export function columnsFromSchema(schema: ObjectSchemaLike, table: string): ColumnDefinition[] {
  return Object.entries(schema._zod.def.shape).map(([name, field]) => ({
    name,
    type: athenaTypeOf(field, `${table}.${name}`),
  }));
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

function athenaTypeOf(schema: SchemaLike, where: string): string {
  const def = schema._zod.def;
  if (WRAPPERS.has(def.type) && def.innerType) return athenaTypeOf(def.innerType, where);
  if (def.type === 'pipe' && def.in) return athenaTypeOf(def.in, where);
  const scalar = scalarType(def);
  if (scalar) return scalar;
  if (def.type === 'array' && def.element) return `array<${athenaTypeOf(def.element, where)}>`;
  if (def.type === 'record' && def.keyType && def.valueType) {
    return `map<${athenaTypeOf(def.keyType, where)},${athenaTypeOf(def.valueType, where)}>`;
  }
  if (def.type === 'object' && def.shape) {
    const fields = Object.entries(def.shape).map(
      ([name, f]) => `${name}:${athenaTypeOf(f, `${where}.${name}`)}`,
    );
    return `struct<${fields.join(',')}>`;
  }
  throw new TableDefinitionError(where, `no Athena type for a zod ${def.type} schema; give columns instead`);
}

function scalarType(def: SchemaDef): string | undefined {
  switch (def.type) {
    case 'number':
      return def.format === 'safeint' || def.format === 'int32' ? 'bigint' : 'double';
    case 'bigint':
      return 'bigint';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'timestamp';
    case 'string':
      return def.format === 'date' ? 'date' : def.format === 'datetime' ? 'timestamp' : 'string';
    case 'enum':
    case 'literal':
      return 'string';
    default:
      return undefined;
  }
}
