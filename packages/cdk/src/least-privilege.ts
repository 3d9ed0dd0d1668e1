/** A synthesized CloudFormation template, as `Template.fromStack(stack).toJSON()` returns it. */
export interface TemplateJson {
  Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

/** What a stack's grants may reach beyond the rules every stack follows. */
export interface LeastPrivilegeScope {
  /**
   * Object prefixes each bucket's object grants may name, by the bucket's logical id (`raw/`,
   * `processed/`). A bucket not listed may be granted whole (`bucket/*`).
   */
  s3Prefixes?: Record<string, readonly string[]>;
  /** Statements allowed to break a rule, each with the reason: action → why. */
  exceptions?: Record<string, string>;
}

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

/** Services whose grants must name the stack's own resources. */
const SCOPED_SERVICES = new Set(['s3', 'dynamodb', 'kinesis', 'sns', 'sqs', 'firehose']);

/**
 * The least-privilege findings of a template (empty when it passes): an action `*` or `service:*`, a
 * `*FullAccess` managed policy, an S3/DynamoDB/Kinesis/SNS/SQS/Firehose grant on a resource that is not
 * one of the stack's own (`*`, a literal ARN), and an S3 object grant outside its bucket's prefixes.
 *
 * @example expect(leastPrivilegeFindings(Template.fromStack(stack).toJSON(), { s3Prefixes: { Bucket: ['raw/'] } })).toEqual([]);
 */
export function leastPrivilegeFindings(template: TemplateJson, scope: LeastPrivilegeScope = {}): string[] {
  const resources = template.Resources ?? {};
  const findings: string[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    for (const arn of managedPolicyArns(resource.Properties)) {
      if (/FullAccess/.test(arn)) findings.push(`${id}: managed policy ${arn}`);
    }
    for (const statement of statementsOf(resource.Type, resource.Properties)) {
      findings.push(...statementFindings(id, statement, resources, scope));
    }
  }
  return findings;
}

function statementFindings(
  id: string,
  statement: Statement,
  resources: NonNullable<TemplateJson['Resources']>,
  scope: LeastPrivilegeScope,
): string[] {
  if (statement.Effect !== 'Allow') return [];
  const actions = strings(statement.Action).filter((action) => !scope.exceptions?.[action]);
  const findings = actions.filter((a) => a === '*' || a.endsWith(':*')).map((a) => `${id}: action ${a}`);
  const scoped = actions.filter((action) => SCOPED_SERVICES.has(action.split(':')[0] ?? ''));
  if (scoped.length === 0) return findings;
  for (const resource of list(statement.Resource)) {
    const target = referenceOf(resource);
    const owned = target !== undefined && resources[target.id] !== undefined;
    if (!owned)
      findings.push(
        `${id}: ${scoped.join(',')} on ${JSON.stringify(resource)}, not a resource of this stack`,
      );
    else findings.push(...prefixFindings(id, scoped, target, scope));
  }
  return findings;
}

function prefixFindings(
  id: string,
  actions: string[],
  target: Reference,
  scope: LeastPrivilegeScope,
): string[] {
  const prefixes = scope.s3Prefixes?.[target.id];
  if (!prefixes || !target.suffix.startsWith('/')) return [];
  const key = target.suffix.slice(1);
  if (prefixes.some((prefix) => key.startsWith(prefix))) return [];
  return [`${id}: ${actions.join(',')} on ${target.id}/${key}, outside ${prefixes.join(' ')}`];
}

interface Reference {
  id: string;
  /** The literal text after the reference: `/raw/*` of `${Bucket.Arn}/raw/*`. */
  suffix: string;
}

/** The stack resource a statement resource names (`Ref`, `Fn::GetAtt`, or either inside `Fn::Join`). */
function referenceOf(resource: unknown): Reference | undefined {
  const direct = logicalIdOf(resource);
  if (direct) return { id: direct, suffix: '' };
  const join = (resource as { 'Fn::Join'?: [string, unknown[]] } | null)?.['Fn::Join'];
  if (!join) return undefined;
  const parts = join[1];
  const at = parts.findIndex((part) => logicalIdOf(part) !== undefined);
  if (at < 0) return undefined;
  const rest = parts.slice(at + 1);
  return {
    id: logicalIdOf(parts[at]) ?? '',
    suffix: rest.every((p) => typeof p === 'string') ? rest.join('') : '',
  };
}

function logicalIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const ref = (value as { Ref?: unknown }).Ref;
  if (typeof ref === 'string' && !ref.startsWith('AWS::')) return ref;
  const att = (value as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'];
  return Array.isArray(att) && typeof att[0] === 'string' ? att[0] : undefined;
}

function statementsOf(type: string, props: Record<string, unknown> | undefined): Statement[] {
  if (!props) return [];
  const documents: unknown[] =
    type === 'AWS::IAM::Role' || type === 'AWS::IAM::User'
      ? list(props.Policies).map((policy) => (policy as { PolicyDocument?: unknown }).PolicyDocument)
      : type === 'AWS::IAM::Policy' || type === 'AWS::IAM::ManagedPolicy'
        ? [props.PolicyDocument]
        : [];
  return documents.flatMap(
    (doc) => list((doc as { Statement?: unknown } | undefined)?.Statement) as Statement[],
  );
}

function managedPolicyArns(props: Record<string, unknown> | undefined): string[] {
  return list(props?.ManagedPolicyArns).map((arn) => JSON.stringify(arn));
}

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function strings(value: unknown): string[] {
  return list(value).filter((item): item is string => typeof item === 'string');
}
