// The events Lambda hands a handler, built the way the services build them. The local runners send
// these same shapes, so a handler meets one event format in unit tests, local runs and on AWS.

/** Bytes, text (UTF-8), or a value sent as JSON. */
export type EventPayload = string | Uint8Array | Record<string, unknown> | unknown[];

/** Where the events come from. Defaults: `us-east-1`, account `123456789012`. */
export interface EventSourceOptions {
  region?: string;
  accountId?: string;
}

/** The region and account events name unless told otherwise. */
export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_ACCOUNT = '123456789012';

/** The payload's bytes as the service would carry them. */
export function payloadBytes(payload: EventPayload): Buffer {
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (payload instanceof Uint8Array) return Buffer.from(payload);
  return Buffer.from(JSON.stringify(payload), 'utf8');
}
