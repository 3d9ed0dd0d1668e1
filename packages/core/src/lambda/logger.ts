/** Structured fields of a log line. */
export type LogAttributes = Record<string, unknown>;

/**
 * The logger a handler writes to: the shape of Powertools for AWS Lambda's `Logger`, so one can be
 * passed as is (`new Logger({ serviceName })`); handlers pass one attributes object per line.
 */
export interface HandlerLogger {
  debug(message: string, ...extra: LogAttributes[]): void;
  info(message: string, ...extra: LogAttributes[]): void;
  warn(message: string, ...extra: LogAttributes[]): void;
  error(message: string, ...extra: LogAttributes[]): void;
}

/** How much {@link jsonLogger} writes. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Options of {@link jsonLogger}. */
export interface JsonLoggerOptions {
  /** Lines below it are not written. Default `AWS_LAMBDA_LOG_LEVEL` or `LOG_LEVEL`, else `info`. */
  level?: LogLevel;
  /** Default: `debug`/`info` to stdout, `warn`/`error` to stderr (Lambda sends both to CloudWatch Logs). */
  write?: (line: string, level: LogLevel) => void;
  /** Default `Date.now`. */
  now?: () => number;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/**
 * The handlers' default logger: one JSON object per line, `{ level, message, timestamp, ...fields }`.
 *
 * @example
 * const logger = jsonLogger({ level: 'debug' });
 * logger.warn('stopping early', { remainingMs: 4000 });
 */
export function jsonLogger(options: JsonLoggerOptions = {}): HandlerLogger {
  const threshold = LEVELS.indexOf(options.level ?? levelFromEnvironment());
  const write = options.write ?? writeStd;
  const now = options.now ?? Date.now;
  const at =
    (level: LogLevel) =>
    (message: string, ...extra: LogAttributes[]) => {
      if (LEVELS.indexOf(level) < threshold) return;
      const line = { level: level.toUpperCase(), message, timestamp: new Date(now()).toISOString() };
      write(JSON.stringify(Object.assign(line, ...extra)), level);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function levelFromEnvironment(): LogLevel {
  const level = (process.env.AWS_LAMBDA_LOG_LEVEL ?? process.env.LOG_LEVEL ?? '').toLowerCase();
  return (LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : 'info';
}

function writeStd(line: string, level: LogLevel): void {
  (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}
