/**
 * Waiting for a pass to reach a state: issuing is asynchronous (`REQUESTED` until the chain
 * confirms), so callers poll. One loop here instead of one in every application: polls with
 * backoff, one deadline for the whole wait, the caller's signal at every step, a 404 right after
 * issuing tolerated (reads lag behind writes), and a state that can never come reported at once.
 */
import { PASS_STATE_VALUES } from '../generated/api.js';
import { CivicPassError, InputError, NotFoundError, TimeoutError } from './errors.js';
import type { Runtime } from './transport.js';
import type { CallOptions, Pass, PassRef, PassState } from './types.js';

/**
 * How long and how often `civic.passes.waitFor` polls.
 *
 * @example
 * ```ts
 * await civic.passes.waitFor(ref, 'ACTIVE', { timeoutMs: 120_000, signal });
 * ```
 */
export interface WaitForOptions {
  /** The whole wait, polls included, in milliseconds. Default 120 000 (2 minutes). */
  timeoutMs?: number;
  /** Stops the wait (and the poll in flight) with the signal's reason. */
  signal?: AbortSignal;
  /** The first pause between polls; each next one is half as long again, up to 10 s. Default 1 000. */
  intervalMs?: number;
  /**
   * How long a 404 counts as "not visible yet" rather than "no such pass", from the start of the
   * wait. Default 60 000, never beyond `timeoutMs`.
   */
  notFoundGraceMs?: number;
}

/**
 * The defaults of {@link WaitForOptions}, written down in one place.
 *
 * @example
 * ```ts
 * WAIT_DEFAULTS.timeoutMs; // 120_000
 * ```
 */
export const WAIT_DEFAULTS = {
  timeoutMs: 120_000,
  intervalMs: 1_000,
  maxIntervalMs: 10_000,
  backoff: 1.5,
  notFoundGraceMs: 60_000,
} as const;

/**
 * The wait ran out of time before the pass reached the state. A {@link TimeoutError} (code
 * `TIMEOUT`) that also says what was last seen.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof WaitTimeoutError) console.log(err.lastState); }
 * ```
 */
export class WaitTimeoutError extends TimeoutError {
  /** The state waited for. */
  readonly wanted: PassState;
  /** The state last read, or `undefined` when the pass was never found. */
  readonly lastState: string | undefined;
  /** How many times the pass was read. */
  readonly polls: number;

  constructor(
    ref: PassRef,
    wanted: PassState,
    lastState: string | undefined,
    polls: number,
    timeoutMs: number,
  ) {
    super(
      `the pass of ${ref.wallet} on ${ref.chain}/${ref.chainNetwork} did not become ${wanted} within ${timeoutMs} ms ` +
        `(${lastState === undefined ? 'not found yet' : `still ${lastState}`} after ${polls} reads)`,
      { operationId: 'getPass', method: 'GET', path: '/pass/{chain}/{chainNetwork}/{wallet}' },
      timeoutMs,
    );
    this.wanted = wanted;
    this.lastState = lastState;
    this.polls = polls;
  }
}
Object.defineProperty(WaitTimeoutError.prototype, 'name', { value: 'WaitTimeoutError' });

/**
 * The pass reached a state from which the one waited for can never come (it was revoked).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof UnreachableStateError) console.log(err.state); } // 'REVOKED'
 * ```
 */
export class UnreachableStateError extends CivicPassError {
  /** The state waited for. */
  readonly wanted: PassState;
  /** The state the pass is in. */
  readonly state: string;

  constructor(ref: PassRef, wanted: PassState, state: string) {
    super(
      `the pass of ${ref.wallet} on ${ref.chain}/${ref.chainNetwork} is ${state}: it can never become ${wanted}`,
      { code: 'UNREACHABLE_STATE' },
    );
    this.wanted = wanted;
    this.state = state;
  }
}
Object.defineProperty(UnreachableStateError.prototype, 'name', { value: 'UnreachableStateError' });

/** The longest timer Node.js keeps: a longer one fires at once, ending the wait before its first poll. */
const MAX_TIMER_MS = 2_147_483_647;

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !(value <= MAX_TIMER_MS)) {
    throw new InputError(
      name,
      `${name} ${String(value)} is not allowed: expected a positive number of milliseconds up to ${MAX_TIMER_MS}`,
    );
  }
  return value;
}

/**
 * Polls `get` until the pass is in `state`. `timeoutMs` bounds the whole wait (a poll in flight
 * at the deadline is stopped); each poll is an ordinary call, with the client's own retries and
 * deadlines. Resolves to the pass as last read.
 *
 * @example
 * ```ts
 * const pass = await waitForPass((r, o) => civic.passes.get(r, o), runtime, ref, 'ACTIVE', {});
 * ```
 */
export async function waitForPass(
  get: (ref: PassRef, options: CallOptions) => PromiseLike<Pass>,
  runtime: Runtime,
  ref: PassRef,
  state: PassState,
  options: WaitForOptions = {},
): Promise<Pass> {
  if (!(PASS_STATE_VALUES as readonly string[]).includes(state)) {
    throw new InputError(
      'state',
      `state "${String(state)}" is not one of ${PASS_STATE_VALUES.join(', ')}`,
    );
  }
  if (options === null || typeof options !== 'object') {
    throw new InputError(
      'options',
      'waitFor takes { timeoutMs?, signal?, intervalMs?, notFoundGraceMs? }',
    );
  }
  const timeoutMs = positive(options.timeoutMs, 'timeoutMs', WAIT_DEFAULTS.timeoutMs);
  let interval = positive(options.intervalMs, 'intervalMs', WAIT_DEFAULTS.intervalMs);
  const graceMs = positive(
    options.notFoundGraceMs,
    'notFoundGraceMs',
    WAIT_DEFAULTS.notFoundGraceMs,
  );
  const { signal } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new InputError('signal', 'signal must be an AbortSignal');
  }

  const start = runtime.now();
  const deadline = start + timeoutMs;
  // The deadline also stops a poll in flight; the caller's signal stops everything.
  const expiry = new AbortController();
  const timer = setTimeout(() => expiry.abort(), timeoutMs);
  const pollSignal = signal ? AbortSignal.any([signal, expiry.signal]) : expiry.signal;
  let lastState: string | undefined;
  let polls = 0;
  const timedOut = () => new WaitTimeoutError(ref, state, lastState, polls, timeoutMs);
  try {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      if (expiry.signal.aborted || runtime.now() >= deadline) throw timedOut();
      polls += 1;
      try {
        const pass = await get(ref, { signal: pollSignal });
        lastState = typeof pass.state === 'string' ? pass.state : String(pass.state);
        if (pass.state === state) return pass;
        // Nothing comes after REVOKED: waiting longer would only burn the deadline.
        if (pass.state === 'REVOKED') throw new UnreachableStateError(ref, state, pass.state);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (expiry.signal.aborted) throw timedOut();
        const visibleByNow = runtime.now() - start >= Math.min(graceMs, timeoutMs);
        if (!(error instanceof NotFoundError) || visibleByNow) throw error;
      }
      const left = deadline - runtime.now();
      if (left <= 0) throw timedOut();
      await runtime.sleep(Math.min(interval, left), pollSignal).catch((reason: unknown) => {
        if (signal?.aborted) throw signal.reason;
        if (expiry.signal.aborted) throw timedOut();
        throw reason;
      });
      interval = Math.min(interval * WAIT_DEFAULTS.backoff, WAIT_DEFAULTS.maxIntervalMs);
    }
  } finally {
    clearTimeout(timer);
  }
}
