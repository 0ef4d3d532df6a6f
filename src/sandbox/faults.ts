/**
 * Faults on demand: latency, 429 with `Retry-After`, 500/503, connection resets, for a share of
 * requests or for named operations, decided by a seeded generator so a run can be repeated. Off
 * until configured. A faulted request never reaches the API: it changes nothing.
 */
import { createRandom, type Random } from './random.js';

/** What a fault does. */
export type FaultKind = 'latency' | 'rate-limit' | 'error' | 'reset';

/**
 * One fault rule. It applies to the requests of its `operations` (an operationId of the spec, or
 * `token` for the token endpoint; default every API operation), to a share `rate` of them, at
 * most `times` times.
 *
 * @example
 * // half the getPass calls answer 503; the next issuePass is rate limited
 * sandbox.faults.set({ rules: [
 *   { kind: 'error', status: 503, rate: 0.5, operations: ['getPass'] },
 *   { kind: 'rate-limit', operations: ['issuePass'], times: 1, retryAfterS: 2 },
 * ] });
 */
export interface FaultRule {
  kind: FaultKind;
  /** Share of the matching requests it hits, 0..1; default 1 (every one). */
  rate?: number;
  /** Which operations; default every API operation (not the token endpoint). */
  operations?: readonly string[];
  /** At most this many hits, then the rule is spent; default unlimited. */
  times?: number;
  /** `latency`: how long to hold the request, in real ms; default 100. */
  latencyMs?: number;
  /** `rate-limit`: the `Retry-After` value, in seconds; default 1. */
  retryAfterS?: number;
  /** `error`: 500 or 503; default 503. */
  status?: 500 | 503;
}

/** A fault configuration: its rules and the seed of the draws. */
export interface FaultOptions {
  rules: readonly FaultRule[];
  /** Seed of the draws; default the sandbox's seed. */
  seed?: number;
}

/** What to do to one request: hold it, then maybe answer or drop it instead of the API. */
export interface FaultDecision {
  delayMs: number;
  outcome?:
    | { kind: 'rate-limit'; retryAfterS: number }
    | { kind: 'error'; status: 500 | 503 }
    | { kind: 'reset' };
}

/** The fault state of a sandbox. */
export interface Faults {
  /** Replaces the rules (and restarts the draws from the seed). Throws a `RangeError` on a bad rule. */
  set(options: FaultOptions): void;
  /** Turns every fault off. */
  clear(): void;
  /** The rules in force, with how many hits each has left. */
  readonly rules: readonly FaultRule[];
  /** Decides the faults of one request to `operation`. */
  decide(operation: string): FaultDecision;
}

const KINDS: readonly FaultKind[] = ['latency', 'rate-limit', 'error', 'reset'];

/**
 * Checks one rule, as it comes from options or from the control API.
 *
 * @example
 * checkRule({ kind: 'error', status: 502 }); // throws: status is 500 or 503
 */
export function checkRule(rule: unknown): FaultRule {
  if (typeof rule !== 'object' || rule === null) throw new RangeError('a fault rule is an object');
  const r = rule as Record<string, unknown>;
  if (!KINDS.includes(r.kind as FaultKind)) {
    throw new RangeError(`fault kind is one of ${KINDS.join(', ')}`);
  }
  const number = (key: string, min: number, max: number, integer = false) => {
    const value = r[key];
    if (value === undefined) return;
    if (
      typeof value !== 'number' ||
      value < min ||
      value > max ||
      (integer && !Number.isInteger(value))
    ) {
      throw new RangeError(
        `fault ${key} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
      );
    }
  };
  number('rate', 0, 1);
  number('times', 0, Number.MAX_SAFE_INTEGER, true);
  number('latencyMs', 0, 60_000);
  number('retryAfterS', 0, 86_400, true);
  if (r.status !== undefined && r.status !== 500 && r.status !== 503) {
    throw new RangeError('fault status is 500 or 503');
  }
  if (
    r.operations !== undefined &&
    !(Array.isArray(r.operations) && r.operations.every((op) => typeof op === 'string'))
  ) {
    throw new RangeError('fault operations is a list of operationIds');
  }
  return { ...(r as unknown as FaultRule) };
}

/**
 * Makes the fault state of a sandbox, off.
 *
 * @example
 * const faults = createFaults(42);
 * faults.set({ rules: [{ kind: 'reset', rate: 0.1 }] });
 */
export function createFaults(defaultSeed: number): Faults {
  let rules: FaultRule[] = [];
  let random: Random = createRandom(defaultSeed);
  return {
    set(options) {
      if (!Array.isArray(options?.rules)) throw new RangeError('faults need a list of rules');
      rules = options.rules.map(checkRule);
      random = createRandom(options.seed ?? defaultSeed);
    },
    clear() {
      rules = [];
    },
    get rules() {
      return rules.map((rule) => ({ ...rule }));
    },
    decide(operation) {
      const decision: FaultDecision = { delayMs: 0 };
      for (const rule of rules) {
        const applies = rule.operations
          ? rule.operations.includes(operation)
          : operation !== 'token';
        if (!applies || rule.times === 0) continue;
        // One draw per matching rule and request, whatever it decides: the sequence of draws,
        // hence of faults, depends only on the seed and the sequence of requests.
        if (random.next() >= (rule.rate ?? 1)) continue;
        if (rule.kind === 'latency') {
          decision.delayMs += rule.latencyMs ?? 100;
        } else if (decision.outcome) {
          continue;
        } else if (rule.kind === 'rate-limit') {
          decision.outcome = { kind: 'rate-limit', retryAfterS: rule.retryAfterS ?? 1 };
        } else if (rule.kind === 'error') {
          decision.outcome = { kind: 'error', status: rule.status ?? 503 };
        } else {
          decision.outcome = { kind: 'reset' };
        }
        if (rule.times !== undefined) rule.times -= 1;
      }
      return decision;
    },
  };
}
