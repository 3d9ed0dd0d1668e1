import type { StandardSchemaV1 } from '@standard-schema/spec';
import * as z from 'zod/mini';
import { QueryDefinitionError, QueryParamsError, QueryRowError, SqlDateError } from './errors.js';
import type { QueryDefinition, QueryParamValue, SqlDate } from './query.js';

type ParamSchema = StandardSchemaV1<unknown, QueryParamValue>;
type ParamFields = Record<string, ParamSchema>;
type ParamsObject = Record<string, QueryParamValue>;

/** The params of a query declared as one schema per field. */
export type ParamsOfFields<F extends ParamFields> = { [K in keyof F]: StandardSchemaV1.InferOutput<F[K]> };

/** What {@link defineQuery} takes. */
export interface QuerySpec<Params, Row> {
  /** Names the query in errors, logs and the Athena client request token. */
  name: string;
  /** SQL with named placeholders (`:from`); values are always bound, never pasted in. */
  sql: string;
  params?: Params;
  row: StandardSchemaV1<unknown, Row>;
}

/**
 * Declares a typed query. Write `:name` placeholders in the SQL; `defineQuery` rewrites them to
 * positional `?` and records the binding order, and checks that every placeholder has a param and
 * every param is used. `params` is either one schema per field (zod/mini, valibot…) or a Standard
 * Schema of the whole params object. `row` validates and types every decoded row.
 *
 * @example
 * const ordersSince = defineQuery({
 *   name: 'orders_since',
 *   sql: 'SELECT orderid, status FROM orders WHERE orderdate >= :from AND status = :status',
 *   params: { from: dateParam(), status: z.string() },
 *   row: z.object({ orderid: z.number(), status: z.string() }),
 * });
 * const result = await engine.run(ordersSince, { from: sqlDate('2025-01-01'), status: 'pending' });
 */
export function defineQuery<F extends ParamFields = Record<never, ParamSchema>, R = unknown>(
  spec: QuerySpec<F, R>,
): QueryDefinition<ParamsOfFields<F>, R>;
export function defineQuery<P extends ParamsObject, R>(
  spec: QuerySpec<StandardSchemaV1<unknown, P>, R>,
): QueryDefinition<P, R>;
export function defineQuery(
  spec: QuerySpec<ParamFields | StandardSchemaV1<unknown, ParamsObject>, unknown>,
): QueryDefinition<ParamsObject, unknown> {
  const { sql, names } = rewritePlaceholders(spec.name, spec.sql);
  const params = spec.params === undefined || isStandardSchema(spec.params) ? spec.params : undefined;
  const fields = spec.params !== undefined && !isStandardSchema(spec.params) ? spec.params : undefined;
  const declared = fields ? Object.keys(fields) : declaredKeys(params);
  if (declared) checkParamsCoverage(spec.name, names, declared);
  return {
    name: spec.name,
    sql,
    paramOrder: names,
    params: params ?? (fields ? objectOfFields(fields) : undefined),
    row: spec.row,
  };
}

/**
 * A zod/mini schema for a `YYYY-MM-DD` param that binds as SQL `DATE` (a plain string would bind as
 * varchar). Impossible dates such as 2025-02-30 fail validation.
 *
 * @example defineQuery({ name: 'day', sql: 'SELECT 1 WHERE orderdate = :day', params: { day: dateParam() }, row })
 */
export function dateParam(): StandardSchemaV1<string | SqlDate, SqlDate> {
  const fromString = z.pipe(z.iso.date(), z.transform(sqlDate));
  return z.union([z.custom<SqlDate>(isSqlDate), fromString]);
}

/**
 * A date param value.
 *
 * @example sqlDate('2025-01-31') // { kind: 'sql-date', iso: '2025-01-31' }
 */
export function sqlDate(iso: string): SqlDate {
  const day = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(day.getTime()) || !day.toISOString().startsWith(iso)) {
    throw new SqlDateError(iso);
  }
  return { kind: 'sql-date', iso };
}

/**
 * True for values made by {@link sqlDate}.
 *
 * @example isSqlDate(sqlDate('2025-01-31')) // true
 */
export function isSqlDate(value: unknown): value is SqlDate {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'sql-date';
}

/**
 * Validates params against the query's schema and returns the values in binding order. Engines call
 * this before sending anything, so a bad param never reaches the database.
 *
 * @example const values = await bindParams(ordersSince, { from: sqlDate('2025-01-01'), status: 'x' });
 */
export async function bindParams<P extends ParamsObject>(
  query: Pick<QueryDefinition<P, unknown>, 'name' | 'paramOrder' | 'params'>,
  params: P,
): Promise<QueryParamValue[]> {
  let checked: Record<string, unknown> = params;
  if (query.params) {
    const result = await query.params['~standard'].validate(params);
    if (result.issues) throw new QueryParamsError(query.name, result.issues.map(describeIssue));
    checked = result.value;
  }
  const values = query.paramOrder.map((name) => checked[name]);
  const problems = query.paramOrder.flatMap((name, i) => bindProblem(name, values[i]));
  if (problems.length > 0) throw new QueryParamsError(query.name, problems);
  return values as QueryParamValue[];
}

/**
 * Validates one decoded row against the query's row schema.
 *
 * @example const row = await validateRow(ordersSince, { orderid: 1, status: 'pending' }, 0);
 */
export async function validateRow<R>(
  query: Pick<QueryDefinition<ParamsObject, R>, 'name' | 'row'>,
  raw: Record<string, unknown>,
  rowIndex: number,
): Promise<R> {
  return checkedRow(query, await query.row['~standard'].validate(raw), rowIndex);
}

/**
 * Validates a batch of decoded rows in order, numbered from `firstIndex`. A schema that answers
 * synchronously (zod, valibot without async refinements) costs no await per row.
 *
 * @example const rows = await validateRows(ordersSince, chunk, rowsSoFar);
 */
export async function validateRows<R>(
  query: Pick<QueryDefinition<ParamsObject, R>, 'name' | 'row'>,
  raws: readonly Record<string, unknown>[],
  firstIndex: number,
): Promise<R[]> {
  const schema = query.row['~standard'];
  const rows: R[] = new Array(raws.length);
  for (let i = 0; i < raws.length; i++) {
    const result = schema.validate(raws[i]);
    rows[i] = checkedRow(query, isPromiseLike(result) ? await result : result, firstIndex + i);
  }
  return rows;
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown }).then === 'function';
}

function checkedRow<R>(
  query: Pick<QueryDefinition<ParamsObject, R>, 'name'>,
  result: StandardSchemaV1.Result<R>,
  rowIndex: number,
): R {
  if (!result.issues) return result.value;
  const first = result.issues[0];
  const field = first?.path?.length ? pathOf(first.path) : '(row)';
  throw new QueryRowError(query.name, rowIndex, field, result.issues.map(describeIssue).join('; '));
}

function bindProblem(name: string, value: unknown): string[] {
  if (value === undefined) return [`${name}: missing`];
  if (typeof value === 'number' && !Number.isFinite(value)) return [`${name}: ${value} cannot be bound`];
  if (value instanceof Date && Number.isNaN(value.getTime())) return [`${name}: invalid Date`];
  return [];
}

function describeIssue(issue: StandardSchemaV1.Issue): string {
  return issue.path?.length ? `${pathOf(issue.path)}: ${issue.message}` : issue.message;
}

function pathOf(path: ReadonlyArray<PropertyKey | StandardSchemaV1.PathSegment>): string {
  return path.map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
}

// No params schema: every placeholder is an error. A zod object exposes its keys as `shape`; other
// whole-object schemas are checked when params are bound.
function declaredKeys(params: StandardSchemaV1<unknown, ParamsObject> | undefined): string[] | undefined {
  if (!params) return [];
  const shape = (params as { shape?: unknown }).shape;
  return typeof shape === 'object' && shape !== null ? Object.keys(shape) : undefined;
}

function isStandardSchema(value: object): value is StandardSchemaV1<unknown, ParamsObject> {
  return '~standard' in value;
}

// Named placeholders are found outside string literals, quoted identifiers and comments; `::` casts
// are left alone.
const TOKEN = /'(?:[^']|'')*'?|"(?:[^"]|"")*"?|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|::|:([A-Za-z_]\w*)|\?/g;

function rewritePlaceholders(queryName: string, text: string): { sql: string; names: string[] } {
  const names: string[] = [];
  const sql = text.replace(TOKEN, (token, name: string | undefined) => {
    if (token === '?') {
      throw new QueryDefinitionError(queryName, 'positional "?" found; use named placeholders like :from');
    }
    if (name === undefined) return token;
    names.push(name);
    return '?';
  });
  return { sql, names };
}

function checkParamsCoverage(queryName: string, used: readonly string[], declared: readonly string[]): void {
  const missing = [...new Set(used.filter((name) => !declared.includes(name)))];
  if (missing.length > 0) {
    throw new QueryDefinitionError(queryName, `placeholders without a param: ${missing.join(', ')}`);
  }
  const unused = declared.filter((name) => !used.includes(name));
  if (unused.length > 0) throw new QueryDefinitionError(queryName, `params never used: ${unused.join(', ')}`);
}

function objectOfFields(fields: ParamFields): StandardSchemaV1<unknown, ParamsObject> {
  return {
    '~standard': { version: 1, vendor: 'sluice', validate: (input) => validateFields(fields, input) },
  };
}

async function validateFields(
  fields: ParamFields,
  input: unknown,
): Promise<StandardSchemaV1.Result<ParamsObject>> {
  if (typeof input !== 'object' || input === null)
    return { issues: [{ message: 'params must be an object' }] };
  const value: ParamsObject = {};
  const issues: StandardSchemaV1.Issue[] = [];
  for (const [key, schema] of Object.entries(fields)) {
    const result = await schema['~standard'].validate((input as Record<string, unknown>)[key]);
    if (result.issues) issues.push(...result.issues.map((i) => ({ ...i, path: [key, ...(i.path ?? [])] })));
    else value[key] = result.value;
  }
  return issues.length > 0 ? { issues } : { value };
}
