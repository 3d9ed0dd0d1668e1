import { createHash } from 'node:crypto';

/** What a Firehose S3 prefix expression may refer to for one record. */
export interface PrefixValues {
  /** `metadata.partitionKeys` the transform returned. */
  partitionKeys?: Readonly<Record<string, string>>;
  /** The record's approximate arrival time, epoch milliseconds. */
  arrival: number;
  /** `processing-failed`, `partitioning-failed`… (error prefixes only). */
  errorOutputType?: string;
}

const EXPRESSION = /!\{([A-Za-z]+):([^}]+)\}/g;

/**
 * Evaluates a Firehose S3 prefix, so the CDK stack and the local stream share one string:
 * `!{partitionKeyFromLambda:key}`, `!{timestamp:yyyy/MM/dd/HH}` (UTC) and
 * `!{firehose:error-output-type}`. Returns undefined when a partition key is missing, which Firehose
 * treats as a partitioning failure.
 *
 * @example evaluatePrefix('events/!{partitionKeyFromLambda:datehour}/', { partitionKeys: { datehour: '2022/09/11/23' }, arrival: 0 }) // 'events/2022/09/11/23/'
 */
export function evaluatePrefix(prefix: string, values: PrefixValues): string | undefined {
  return compilePrefix(prefix)(values);
}

/** A prefix's expressions and the text between them. */
type PrefixPart = string | { namespace: string; argument: string };

/**
 * {@link evaluatePrefix} with the prefix read once: a stream evaluates its prefix for every record.
 *
 * @example const prefixOf = compilePrefix('events/!{partitionKeyFromLambda:datehour}/'); prefixOf({ partitionKeys, arrival })
 */
export function compilePrefix(prefix: string): (values: PrefixValues) => string | undefined {
  const parts: PrefixPart[] = [];
  let end = 0;
  for (const match of prefix.matchAll(EXPRESSION)) {
    parts.push(prefix.slice(end, match.index), { namespace: match[1] ?? '', argument: match[2] ?? '' });
    end = match.index + match[0].length;
  }
  parts.push(prefix.slice(end));
  return (values) => {
    let evaluated = '';
    for (const part of parts) {
      const value = typeof part === 'string' ? part : expressionValue(part.namespace, part.argument, values);
      if (value === undefined) return undefined;
      evaluated += value;
    }
    return evaluated;
  };
}

function expressionValue(namespace: string, argument: string, values: PrefixValues): string | undefined {
  if (namespace === 'partitionKeyFromLambda') return values.partitionKeys?.[argument];
  if (namespace === 'timestamp') return formatUtc(argument, new Date(values.arrival));
  if (namespace === 'firehose' && argument === 'error-output-type') return values.errorOutputType;
  return undefined;
}

/** The Java date tokens Firehose prefixes use in practice. */
function formatUtc(format: string, date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return format
    .replace('yyyy', String(date.getUTCFullYear()))
    .replace('MM', two(date.getUTCMonth() + 1))
    .replace('dd', two(date.getUTCDate()))
    .replace('HH', two(date.getUTCHours()));
}

/**
 * A deterministic object name: the stream, the first recordId in the object and a hash of its body.
 * Delivering the same batch again overwrites the same object instead of duplicating it.
 *
 * @example objectName('events', '000000000001', body, '.json') // 'events-000000000001-3f2a…c1.json'
 */
export function objectName(stream: string, firstRecordId: string, body: Uint8Array, extension = ''): string {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return `${stream}-${firstRecordId}-${hash}${extension}`;
}
