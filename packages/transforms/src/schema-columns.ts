import type { CsvColumnSpec } from '@sluice/core/codecs';
import * as z from 'zod/mini';

/**
 * The CSV columns of an object schema, so the schema stays the one list of a row's fields: each
 * field by its name, in schema order; those the schema accepts absent are optional.
 *
 * @example schemaColumns(MachineReadingSchema) // { required: ['timestamp', …], optional: ['humidity', …] }
 */
export function schemaColumns(schema: z.ZodMiniObject): CsvColumnSpec {
  const names = Object.keys(schema.shape);
  const optional = names.filter(
    (name) => z.safeParse(schema.shape[name] as z.ZodMiniType, undefined).success,
  );
  return { required: names.filter((name) => !optional.includes(name)), optional };
}
