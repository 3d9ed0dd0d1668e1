/**
 * What handlers use of the Lambda `context` (the runtime's `Context` fits it): the time left, and
 * names for logs and metrics.
 */
export interface LambdaContext {
  getRemainingTimeInMillis(): number;
  functionName?: string;
  awsRequestId?: string;
}

/** Default {@link InvocationOptions.stopMarginMs}. */
export const DEFAULT_STOP_MARGIN_MS = 10_000;
/** The margin never exceeds this share of the time the invocation started with. */
const MAX_MARGIN_SHARE = 0.25;

/**
 * Whether an invocation still has time to start a record. The margin is `stopMarginMs`, capped at a
 * quarter of the time left when the invocation began, so a function with a short timeout (3 s)
 * still processes records instead of handing every one back. Without a context there is no limit.
 */
export class TimeBudget {
  readonly marginMs: number;

  constructor(
    private readonly context: LambdaContext | undefined,
    stopMarginMs = DEFAULT_STOP_MARGIN_MS,
  ) {
    const initial = context?.getRemainingTimeInMillis() ?? Number.POSITIVE_INFINITY;
    this.marginMs = Math.min(stopMarginMs, initial * MAX_MARGIN_SHARE);
  }

  /** Milliseconds left in the invocation; Infinity without a context. */
  remainingMs(): number {
    return this.context?.getRemainingTimeInMillis() ?? Number.POSITIVE_INFINITY;
  }

  /** True while more than the margin is left. */
  hasTimeForMore(): boolean {
    return this.remainingMs() > this.marginMs;
  }
}

/**
 * A Lambda context for tests and local runs, whose remaining time is whatever `remainingMs` says.
 *
 * @example
 * let left = 60_000;
 * await handler(event, fakeLambdaContext(() => left)); // let `process` lower `left` to simulate slow records
 */
export function fakeLambdaContext(
  remainingMs: () => number,
  fields: { functionName?: string; awsRequestId?: string } = {},
): Required<LambdaContext> {
  return {
    functionName: fields.functionName ?? 'local-function',
    awsRequestId: fields.awsRequestId ?? '00000000-0000-4000-8000-000000000000',
    getRemainingTimeInMillis: remainingMs,
  };
}
