/**
 * What the command shows of the client's work on stderr: with `--verbose`, every line the
 * client logs (attempts, retries, waits, token requests); without it, on a terminal, only the
 * waits, so a pause on a 429 does not look like a hang: `civic-pass: waiting 4 s (429 Retry-After)`.
 */
import type { CliOutput } from './context.js';

/**
 * The logger the client takes (its `logger` option): one method per level, each given a
 * message and fields. Written against that interface; the client never logs a secret.
 *
 * @example
 * ```ts
 * const logger: CliLogger = { debug: console.error, info: console.error, warn: console.error, error: console.error };
 * ```
 */
export interface CliLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/** `waiting 4000 ms (429 Retry-After) before retry 1 of 2` → `waiting 4 s (429 Retry-After)`. */
function waitLine(message: string, waitMs: number): string {
  const reason = /\(([^)]*)\)/.exec(message)?.[1];
  const seconds = waitMs >= 10_000 ? Math.round(waitMs / 1000) : Math.round(waitMs / 100) / 10;
  return `waiting ${seconds} s${reason ? ` (${reason})` : ''}`;
}

/**
 * The command's logger: everything with `verbose`; on a terminal, the waits alone; otherwise
 * none (`undefined`: the client stays silent and pays nothing for logging).
 *
 * @example
 * ```ts
 * const logger = cliLogger({ verbose: false, stderr: process.stderr });
 * ```
 */
export function cliLogger(options: { verbose: boolean; stderr: CliOutput }): CliLogger | undefined {
  const { verbose, stderr } = options;
  if (!verbose && stderr.isTTY !== true) return undefined;
  const line = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    const waitMs = fields?.waitMs;
    if (!verbose) {
      if (typeof waitMs !== 'number') return;
      stderr.write(`civic-pass: ${waitLine(message, waitMs)}\n`);
      return;
    }
    const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
    stderr.write(`civic-pass ${level}: ${`${message}${extra}`.replace(CONTROL, ' ')}\n`);
  };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
