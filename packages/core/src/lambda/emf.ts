import { EmfValidationError } from './errors.js';

/** CloudWatch units (the StandardUnit values EMF accepts). */
export type EmfUnit =
  | 'Seconds'
  | 'Microseconds'
  | 'Milliseconds'
  | 'Bytes'
  | 'Kilobytes'
  | 'Megabytes'
  | 'Gigabytes'
  | 'Terabytes'
  | 'Bits'
  | 'Percent'
  | 'Count'
  | 'Bytes/Second'
  | 'Count/Second'
  | 'None';

/** One metric of an EMF document. */
export interface EmfMetricValue {
  name: string;
  value: number;
  unit: EmfUnit;
}

/** A field of an EMF document that is logged but is not a metric (searchable in Logs Insights). */
export type EmfProperty = string | number | boolean | Readonly<Record<string, number>>;

/** What {@link emfDocument} turns into one document. */
export interface EmfInput {
  namespace: string;
  /** Dimension name → value; all of them form the one dimension set of the document. */
  dimensions: Record<string, string>;
  metrics: readonly EmfMetricValue[];
  /** Epoch milliseconds. Default: now. */
  timestamp?: number;
  /** Extra searchable fields that are not metrics (e.g. a run id). */
  properties?: Record<string, EmfProperty>;
}

/** The EMF JSON object: `_aws` metadata plus one root field per dimension and metric. */
export interface EmfDocument {
  _aws: {
    Timestamp: number;
    CloudWatchMetrics: {
      Namespace: string;
      Dimensions: string[][];
      Metrics: { Name: string; Unit: EmfUnit }[];
    }[];
  };
  [field: string]: unknown;
}

/** EMF limits: 100 metrics per directive, 30 dimensions per set, names of at most 255 characters. */
export const EMF_LIMITS = {
  metricsPerDirective: 100,
  dimensionsPerSet: 30,
  nameChars: 255,
  valueChars: 1024,
} as const;

/**
 * Builds one EMF document, checking the format's rules; throws {@link EmfValidationError}.
 *
 * @example
 * console.log(JSON.stringify(emfDocument({
 *   namespace: 'Sluice', dimensions: { Pipeline: 'orders' }, metrics: [{ name: 'RecordsKept', value: 10, unit: 'Count' }],
 * })));
 */
export function emfDocument(input: EmfInput): EmfDocument {
  validate(input);
  const document: EmfDocument = {
    _aws: {
      Timestamp: input.timestamp ?? Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: input.namespace,
          Dimensions: [Object.keys(input.dimensions)],
          Metrics: input.metrics.map((m) => ({ Name: m.name, Unit: m.unit })),
        },
      ],
    },
  };
  Object.assign(document, input.properties, input.dimensions);
  for (const metric of input.metrics) document[metric.name] = metric.value;
  return document;
}

/**
 * The EMF log lines for any number of metrics: split into documents of at most 100 metrics,
 * each a single JSON line ready for stdout (Lambda sends stdout to CloudWatch Logs).
 *
 * @example for (const line of emfLines(input)) console.log(line);
 */
export function emfLines(input: EmfInput): string[] {
  const timestamp = input.timestamp ?? Date.now();
  const lines: string[] = [];
  const per = EMF_LIMITS.metricsPerDirective;
  for (let i = 0; i < Math.max(1, input.metrics.length); i += per) {
    lines.push(
      JSON.stringify(emfDocument({ ...input, timestamp, metrics: input.metrics.slice(i, i + per) })),
    );
  }
  return lines;
}

/**
 * One metric as one EMF line, e.g. a bot detection.
 *
 * @example console.log(emfMetric('BotDetections', 1, 'Count', { Pipeline: 'bots', Severity: 'high' }, { namespace: 'Sluice' }))
 */
export function emfMetric(
  name: string,
  value: number,
  unit: EmfUnit,
  dimensions: Record<string, string>,
  options: { namespace: string; timestamp?: number },
): string {
  return JSON.stringify(emfDocument({ ...options, dimensions, metrics: [{ name, value, unit }] }));
}

function validate(input: EmfInput): void {
  const fail = (problem: string): never => {
    throw new EmfValidationError(input.namespace, problem);
  };
  checkName(input.namespace, 'namespace', fail);
  const dimensionNames = Object.keys(input.dimensions);
  if (dimensionNames.length > EMF_LIMITS.dimensionsPerSet)
    fail(`${dimensionNames.length} dimensions, at most 30 allowed`);
  if (input.metrics.length > EMF_LIMITS.metricsPerDirective)
    fail(`${input.metrics.length} metrics, at most 100 allowed`);
  for (const [name, value] of Object.entries(input.dimensions)) {
    checkName(name, 'dimension name', fail);
    if (value.length === 0 || value.length > EMF_LIMITS.valueChars)
      fail(`dimension ${name} needs a value of 1–1024 characters`);
  }
  const seen = new Set(['_aws', ...dimensionNames, ...Object.keys(input.properties ?? {})]);
  for (const metric of input.metrics) {
    checkName(metric.name, 'metric name', fail);
    if (seen.has(metric.name))
      fail(`"${metric.name}" is used twice (metric and dimension names share the root)`);
    if (!Number.isFinite(metric.value))
      fail(`metric ${metric.name} has value ${metric.value}, not a finite number`);
    seen.add(metric.name);
  }
}

function checkName(name: string, what: string, fail: (problem: string) => never): void {
  if (name.trim().length === 0) fail(`${what} is empty`);
  if (name.length > EMF_LIMITS.nameChars) fail(`${what} "${name.slice(0, 40)}…" is over 255 characters`);
}
