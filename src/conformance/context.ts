import { OPERATIONS } from '../../generated/api.js';
import { type Expectation, evaluate } from './checks/response.js';
import type { Exchange } from './exchange.js';
import { type Answered, type Probe, quote, sendProbe, toCurl } from './probe.js';
import type { Random } from './random.js';
import { mediaType, type OperationDescription, type ResponseValidator } from './schemas.js';

/** The families of checks, one file each under `checks/`. */
export const FAMILIES = [
  'response',
  'auth',
  'negative',
  'protocol',
  'lifecycle',
  'listing',
] as const;
/** A family of checks. */
export type Family = (typeof FAMILIES)[number];

/** How one check ended; a warning does not fail the run. */
export type CheckOutcome = 'passed' | 'failed' | 'skipped' | 'warned';

/** The result of one check on one operation. */
export interface CheckResult {
  /** The check, `<family>.<name>`, e.g. `auth.unknown-token`; what `--only`/`--skip` select. */
  id: string;
  /** The operation (`listPass`, …), or `token` for the token endpoint. */
  operationId: string;
  /** What was checked, in words. */
  name: string;
  /** The last request the check sent (method, path relative to the base URL). */
  method: string;
  path: string;
  outcome: CheckOutcome;
  status?: number;
  contentType?: string | null;
  /** What does not conform (or, for a warning, what was refused). */
  violations: string[];
  /** A `curl` command reproducing the last request; the token is a placeholder. */
  curl?: string;
  /** What came back to that request: status, content type and the first bytes of the body. */
  answer?: string;
  reason?: string;
  durationMs: number;
}

/** What a check declares before it runs. */
export interface CheckInfo {
  /** `<family>.<name>` */
  id: string;
  operationId: string;
  name: string;
  /** Changes state on the server: runs only with `allowWrites`. */
  writes?: boolean;
  /** Why it cannot run (a missing option), or undefined. */
  skip?: string | undefined;
}

/** What a check's body uses to send requests and report. */
export interface CheckRun {
  /**
   * Sends a probe and judges its answer with the per-response checks (server error, documented
   * status, content type, schema, headers, error body, response time) and, when given,
   * `expect.statuses`. Throws (ending the check) when no answer comes.
   */
  send(probe: Probe, operationId: string, expect?: Expectation): Promise<Exchange>;
  /** Records a violation. */
  fail(message: string): void;
  /** Records a warning (the check is `warned` unless it also failed). */
  warn(message: string): void;
  /**
   * Calls `attempt` until it returns a value, backing off, for up to the settle time; on time
   * out records `failure(last)` and resolves to undefined.
   */
  settle<T>(attempt: () => Promise<T | undefined>, failure: () => string): Promise<T | undefined>;
  /** Notes a request sent outside `send` (token endpoint probes) for the report. */
  note(curl: string, method: string, path: string, answer?: { status: number; text: string }): void;
}

/** Resolved settings every check reads. */
export interface Settings {
  baseUrl: string;
  allowWrites: boolean;
  timeoutMs: number;
  maxResponseTimeMs: number;
  maxTotalTimeMs: number;
  settleTimeoutMs: number;
  select: (id: string) => boolean;
}

/** Everything a family of checks gets. */
export interface Context {
  readonly settings: Settings;
  readonly token: string;
  readonly random: Random;
  readonly fetch: typeof fetch;
  readonly responses: ResponseValidator;
  /** Runs one check (unless deselected), recording its result. */
  check(info: CheckInfo, body: (run: CheckRun) => Promise<void>): Promise<void>;
}

const byId = new Map<string, OperationDescription>(OPERATIONS.map((op) => [op.operationId, op]));

/**
 * The operation's description.
 *
 * @example
 * operation('getPass').statusCodes; // [200, 401, 403, 404, …]
 */
export function operation(id: string): OperationDescription {
  const op = byId.get(id);
  if (!op) throw new Error(`the spec has no operation "${id}"`);
  return op;
}

class NoAnswer extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

/** The error's class and message (the runner's errors never carry secrets or tokens). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}

/**
 * Builds the context the families run in, recording every result into `results`.
 *
 * @example
 * const ctx = createContext(settings, token, random, fetch, responses, results, onResult);
 */
export function createContext(
  settings: Settings,
  token: string,
  random: Random,
  fetchFn: typeof fetch,
  responses: ResponseValidator,
  results: CheckResult[],
  onResult: (result: CheckResult) => void,
): Context {
  const started = performance.now();
  let overTime = false;
  const record = (result: CheckResult) => {
    results.push(result);
    onResult(result);
  };
  return {
    settings,
    token,
    random,
    fetch: fetchFn,
    responses,
    async check(info, body) {
      if (!settings.select(info.id)) return;
      const op = byId.get(info.operationId);
      const result: CheckResult = {
        id: info.id,
        operationId: info.operationId,
        name: info.name,
        method: op?.method ?? 'POST',
        path: op?.path ?? '',
        outcome: 'skipped',
        violations: [],
        durationMs: 0,
      };
      const reason =
        info.skip ??
        (info.writes && !settings.allowWrites
          ? 'changes state: run with --allow-writes --wallet <chain>/<network>/<address>'
          : undefined);
      if (overTime) return;
      if (performance.now() - started > settings.maxTotalTimeMs) {
        overTime = true;
        record({
          ...result,
          id: 'budget.total-time',
          name: 'the whole run ends within --max-total-time',
          outcome: 'failed',
          violations: [
            `budget.total-time: the run took over ${seconds(settings.maxTotalTimeMs)}; the checks from ${info.id} on were not run`,
          ],
        });
        return;
      }
      if (reason !== undefined) {
        record({ ...result, reason });
        return;
      }
      const checkStarted = performance.now();
      const warnings: string[] = [];
      const run: CheckRun = {
        fail: (message) => result.violations.push(message),
        warn: (message) => warnings.push(message),
        note(curl, method, path, answer) {
          result.curl = curl;
          result.method = method;
          result.path = path;
          if (answer) {
            result.status = answer.status;
            result.answer = `${answer.status} ${answer.text}`;
          }
        },
        async send(probe, operationId, expect) {
          // The report shows the first request that broke something (later ones only until then).
          const pinned = result.violations.length > 0;
          const shown: Partial<CheckResult> = {
            curl: toCurl(settings.baseUrl, probe),
            method: probe.method,
            path: probe.path,
          };
          let answered: Answered;
          try {
            answered = await sendProbe(fetchFn, settings.baseUrl, token, probe, settings.timeoutMs);
          } catch (error) {
            result.violations.push(`no answer: ${describeError(error)}`);
            if (!pinned) {
              Object.assign(result, shown);
              delete result.status;
              delete result.answer;
            }
            throw new NoAnswer();
          }
          const { exchange } = answered;
          const type = mediaType(exchange.headers.get('content-type'));
          shown.status = exchange.status;
          shown.contentType = type;
          shown.answer =
            `${exchange.status} ${type ?? '(no content type)'} ${quote(exchange.body)}`.trim();
          const op = byId.get(operationId);
          if (op) {
            result.violations.push(
              ...evaluate(exchange, op, expect ?? { statuses: [] }, responses),
            );
          }
          if (answered.durationMs > settings.maxResponseTimeMs) {
            result.violations.push(
              `budget.response-time: ${operationId} answered in ${seconds(answered.durationMs)}, over --max-response-time ${seconds(settings.maxResponseTimeMs)}`,
            );
          }
          if (!pinned) Object.assign(result, shown);
          return exchange;
        },
        async settle(attempt, failure) {
          const deadline = performance.now() + settings.settleTimeoutMs;
          let wait = 20;
          for (;;) {
            const value = await attempt();
            if (value !== undefined) return value;
            const left = deadline - performance.now();
            if (left <= 0) {
              result.violations.push(
                `${failure()} (waited the settle time, ${seconds(settings.settleTimeoutMs)})`,
              );
              return undefined;
            }
            await sleep(Math.min(wait, left));
            wait = Math.min(wait * 2, 1000);
          }
        },
      };
      try {
        await body(run);
      } catch (error) {
        if (!(error instanceof NoAnswer))
          result.violations.push(`check error: ${describeError(error)}`);
      }
      result.violations = [...new Set(result.violations)];
      if (result.violations.length > 0) result.outcome = 'failed';
      else if (warnings.length > 0) {
        result.outcome = 'warned';
        result.violations = warnings;
      } else result.outcome = 'passed';
      if (result.outcome === 'passed') {
        delete result.curl;
        delete result.answer;
      }
      result.durationMs = Math.round(performance.now() - checkStarted);
      record(result);
    },
  };
}
