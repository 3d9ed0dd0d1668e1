import { BatchAccount } from './batch-account.js';
import type { HandlerMetricsOptions, InvocationOptions } from './handler-options.js';
import { type LambdaContext, TimeBudget } from './lambda-context.js';
import { type HandlerLogger, jsonLogger } from './logger.js';
import { batchReportEmf } from './report-metrics.js';
import { serializeError } from './serialize-error.js';
import type { BatchReport } from './verdict.js';

const DEFAULT_NAMESPACE = 'Sluice';

/** One invocation of a handler: its account, its time budget, its logger, and its closing report. */
export class Invocation {
  readonly account: BatchAccount;
  readonly logger: HandlerLogger;
  readonly name: string;
  readonly #budget: TimeBudget;
  #stopped = false;

  constructor(
    readonly options: InvocationOptions,
    readonly context: LambdaContext | undefined,
    factory: string,
  ) {
    this.logger = options.logger ?? jsonLogger();
    this.name = options.name ?? context?.functionName ?? factory;
    this.#budget = new TimeBudget(context, options.stopMarginMs);
    this.account = new BatchAccount({
      logger: this.logger,
      handler: this.name,
      now: options.now,
      classifyError: options.classifyError,
    });
  }

  /** Whether a record may start; the first `false` is logged, and stays `false`. */
  hasTime(): boolean {
    if (this.#stopped) return false;
    if (this.#budget.hasTimeForMore()) return true;
    this.#stopped = true;
    this.logger.warn('stopping early: the rest of the event is handed back for redelivery', {
      handler: this.name,
      remainingMs: this.#budget.remainingMs(),
      stopMarginMs: this.#budget.marginMs,
    });
    return false;
  }

  /** Closes the account: `onReport`, then the EMF line. A failing `onReport` is logged and rethrown. */
  async finish(): Promise<BatchReport> {
    const report = this.account.report();
    try {
      await this.options.onReport?.(report);
    } catch (error) {
      this.logger.error('onReport failed; the invocation fails', {
        handler: this.name,
        error: serializeError(error),
      });
      throw error;
    }
    this.#emitMetrics(report);
    return report;
  }

  #emitMetrics(report: BatchReport): void {
    if (this.options.metrics === false) return;
    const metrics: HandlerMetricsOptions = this.options.metrics ?? {};
    const write = metrics.write ?? defaultMetricsWrite();
    if (!write) return;
    const requestId = this.context?.awsRequestId;
    const line = batchReportEmf(report, {
      namespace: metrics.namespace ?? DEFAULT_NAMESPACE,
      handler: this.name,
      dimensions: metrics.dimensions,
      timestamp: (this.options.now ?? Date.now)(),
      properties: requestId ? { RequestId: requestId } : {},
    });
    write(line);
  }
}

function defaultMetricsWrite(): ((line: string) => void) | undefined {
  if (!process.env.AWS_LAMBDA_FUNCTION_NAME) return undefined;
  return (line) => process.stdout.write(`${line}\n`);
}
