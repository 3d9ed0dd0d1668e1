import { CfnParameter } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * A deploy-time setting as CloudFormation shows it: a whole number with its least value, or text.
 * `description` says what it sets.
 */
export type ParameterSpec = { default: number; min: number; description: string } | TextParameterSpec;

/** A text parameter: its default and what it sets. */
export interface TextParameterSpec {
  default: string;
  description: string;
}

/**
 * The stack's CloudFormation parameters, one per key, the key being its logical id: a spec with a
 * number default is a `Number` parameter with `minValue`, one with a text default a `String`.
 *
 * @example
 * const params = stackParameters(this, { WindowMs: { default: 10_000, min: 1000, description: 'Window length in ms' } });
 * const environment = { WINDOW_MS: params.WindowMs.valueAsString };
 */
export function stackParameters<K extends string>(
  scope: Construct,
  specs: Record<K, ParameterSpec>,
): Record<K, CfnParameter> {
  const params = {} as Record<K, CfnParameter>;
  for (const [id, spec] of Object.entries<ParameterSpec>(specs)) {
    const { description } = spec;
    params[id as K] =
      'min' in spec
        ? new CfnParameter(scope, id, {
            type: 'Number',
            default: spec.default,
            minValue: spec.min,
            description,
          })
        : new CfnParameter(scope, id, { default: spec.default, description });
  }
  return params;
}

/**
 * Parameters that set a function's environment: each variable's parameter (logical id and spec);
 * returns the variables with their values, to spread into the function's `environment`.
 *
 * @example
 * const settings = environmentParameters(this, { WINDOW_MS: ['WindowMs', { default: 10_000, min: 1000, description: 'Window length in ms' }] });
 * new SluiceFunction(this, 'Detect', { entry, environment: { TABLE_NAME: table.tableName, ...settings } });
 */
export function environmentParameters<V extends string>(
  scope: Construct,
  specs: Record<V, readonly [id: string, spec: ParameterSpec]>,
): Record<V, string> {
  const entries = Object.entries<readonly [string, ParameterSpec]>(specs);
  const params = stackParameters(scope, Object.fromEntries(entries.map(([, [id, spec]]) => [id, spec])));
  return Object.fromEntries(entries.map(([name, [id]]) => [name, params[id]?.valueAsString])) as Record<
    V,
    string
  >;
}
