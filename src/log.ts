/**
 * The client's logger: what it tells about its work (each attempt, each retry and each wait,
 * with the reason), silent unless asked. Give `logger` to `createCivicPassClient`, or set
 * `CIVIC_PASS_LOG=debug` (or `info`, `warn`, `error`) in the environment for lines on stderr.
 * Every line goes through `redact.ts`: no secret, token or URL password is ever logged.
 */
import { redact } from './redact.js';

/**
 * Fields that come with a log line: operation, method, path, attempt number, status, delay.
 *
 * @example
 * ```ts
 * const fields: LogFields = { operationId: 'getPass', attempt: 2, waitMs: 4000 };
 * ```
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

/**
 * What the `logger` option takes: any object with these methods (`console` fits). A method that
 * is missing is a level left silent.
 *
 * @example
 * ```ts
 * createCivicPassClient({ logger: { debug: (message, fields) => pino.debug(fields, message) } });
 * ```
 */
export interface Logger {
  debug?(message: string, fields?: LogFields): void;
  info?(message: string, fields?: LogFields): void;
  warn?(message: string, fields?: LogFields): void;
  error?(message: string, fields?: LogFields): void;
}

/**
 * The levels, quietest last.
 *
 * @example
 * ```ts
 * const level: LogLevel = 'debug';
 * ```
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/**
 * A logger that writes one line per message to stderr, from `level` up.
 *
 * @example
 * ```ts
 * createCivicPassClient({ logger: stderrLogger('info') });
 * ```
 */
export function stderrLogger(level: LogLevel = 'debug'): Logger {
  const from = LEVELS.indexOf(level);
  const logger: Logger = {};
  for (const name of ['debug', 'info', 'warn', 'error'] as const) {
    if (LEVELS.indexOf(name) < from) continue;
    logger[name] = (message, fields) => {
      const extra = fields ? ` ${JSON.stringify(fields)}` : '';
      (globalThis as { console?: Console }).console?.error(
        `civic-pass ${name}: ${message}${extra}`,
      );
    };
  }
  return logger;
}

/**
 * The logger a client uses: the `logger` option, else the stderr logger when
 * `CIVIC_PASS_LOG` names a level, else silence. Each method is a no-op when its level is off.
 *
 * @example
 * ```ts
 * const log = createLog(options.logger, process.env.CIVIC_PASS_LOG);
 * log.debug('attempt 1', { operationId });
 * ```
 */
export function createLog(logger: Logger | undefined, envLevel: string | undefined): Log {
  let source = logger;
  if (source === undefined && envLevel !== undefined) {
    const level = envLevel.toLowerCase() as LogLevel;
    if (LEVELS.includes(level)) source = stderrLogger(level);
  }
  const bind = (name: keyof Logger) => {
    const method = source?.[name];
    if (typeof method !== 'function') return undefined;
    return (message: string, fields?: LogFields) => {
      try {
        method.call(source, redact(message), fields);
      } catch {
        // A logger that throws must not turn a working call into a failed one.
      }
    };
  };
  const noop = () => {};
  return {
    debug: bind('debug') ?? noop,
    info: bind('info') ?? noop,
    warn: bind('warn') ?? noop,
    error: bind('error') ?? noop,
  };
}

/**
 * The client's own view of its logger: every level callable.
 *
 * @example
 * ```ts
 * log.debug('waiting 4000 ms (429 Retry-After)', { waitMs: 4000 });
 * ```
 */
export interface Log {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}
