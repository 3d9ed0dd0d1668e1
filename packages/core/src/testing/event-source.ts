import { DEFAULT_ACCOUNT, DEFAULT_REGION, type EventSourceOptions } from './aws-events.js';

/** Where locally built events say they come from: a region, an account, and the service's resource. */
export interface EventOrigin {
  region: string;
  account: string;
}

/**
 * The region and account of locally built events: the options', else `us-east-1` and `123456789012`.
 * Internal to core (event builders and runners).
 *
 * @example eventOrigin({ region: 'eu-west-1' }) // { region: 'eu-west-1', account: '123456789012' }
 */
export function eventOrigin(options: EventSourceOptions): EventOrigin {
  return { region: options.region ?? DEFAULT_REGION, account: options.accountId ?? DEFAULT_ACCOUNT };
}

/**
 * The ARN of a resource in the events' region and account.
 *
 * @example resourceArn('sqs', 'orders', eventOrigin({})) // 'arn:aws:sqs:us-east-1:123456789012:orders'
 */
export function resourceArn(service: string, resource: string, origin: EventOrigin): string {
  return `arn:aws:${service}:${origin.region}:${origin.account}:${resource}`;
}

/** The fields every record of one source (a queue, a stream) shares, built once per source. */
export interface SourceFields {
  awsRegion: string;
  eventSourceARN: string;
}

/**
 * The region and source ARN a source's records carry. Internal to core (event builders and runners).
 *
 * @example sourceFields('sqs', 'orders', {}) // { awsRegion: 'us-east-1', eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders' }
 */
export function sourceFields(service: string, resource: string, options: EventSourceOptions): SourceFields {
  const origin = eventOrigin(options);
  return { awsRegion: origin.region, eventSourceARN: resourceArn(service, resource, origin) };
}
