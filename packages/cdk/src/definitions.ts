import type { TemplateJson } from './least-privilege.js';

/** An Amazon States Language document, as JSON. */
export type StatesDefinition = { StartAt: string; States: Record<string, Record<string, unknown>> } & Record<
  string,
  unknown
>;

const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
  'AWS::URLSuffix': 'amazonaws.com',
};

/**
 * The definition of a state machine of a synthesized template, its references filled in as a
 * deployment would: a function's `Arn` becomes `arn:aws:lambda:us-east-1:123456789012:function:<id>`,
 * any other reference the logical id. What `asl-validator` checks and `aws-local-stepfunctions` runs.
 *
 * @example const definition = stateMachineDefinition(template.toJSON(), 'BackfillStateMachine');
 */
export function stateMachineDefinition(template: TemplateJson, logicalIdPrefix: string): StatesDefinition {
  const machines = Object.entries(template.Resources ?? {}).filter(
    ([id, r]) => r.Type === 'AWS::StepFunctions::StateMachine' && id.startsWith(logicalIdPrefix),
  );
  if (machines.length !== 1) throw new Error(`${machines.length} state machines match ${logicalIdPrefix}`);
  return JSON.parse(render(machines[0]?.[1].Properties?.DefinitionString, template));
}

function render(value: unknown, template: TemplateJson): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  if ('Fn::Join' in node) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => render(part, template)).join(separator);
  }
  if ('Ref' in node) return PSEUDO[node.Ref as string] ?? String(node.Ref);
  if ('Fn::GetAtt' in node) {
    const [id, attribute] = node['Fn::GetAtt'] as [string, string];
    const type = template.Resources?.[id]?.Type;
    return type === 'AWS::Lambda::Function' && attribute === 'Arn'
      ? `arn:aws:lambda:${PSEUDO['AWS::Region']}:${PSEUDO['AWS::AccountId']}:function:${id}`
      : `${id}.${attribute}`;
  }
  throw new Error(`cannot render ${JSON.stringify(value)} in a state machine definition`);
}

/**
 * The definition with one Distributed Map reading its items from the execution input at `itemsPath`
 * instead of its ItemReader (an S3 listing), which `aws-local-stepfunctions` cannot run: the local
 * run hands it the same listing read from a local store.
 *
 * @example withLocalItems(definition, 'FilterEveryRawObject', '$.items')
 */
export function withLocalItems(
  definition: StatesDefinition,
  mapState: string,
  itemsPath: string,
): StatesDefinition {
  const state = definition.States[mapState];
  if (state?.Type !== 'Map') throw new Error(`${mapState} is not a Map state of the definition`);
  const { ItemReader: _reader, ...rest } = state;
  return { ...definition, States: { ...definition.States, [mapState]: { ...rest, ItemsPath: itemsPath } } };
}
