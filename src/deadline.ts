/**
 * Time and cancellation of one call. A call has one deadline (`timeoutMs`, the whole call: token
 * fetch, every attempt, backoff and `Retry-After` waits); each attempt has its own, shorter one
 * (`attemptTimeoutMs`, never beyond what is left of the call). The caller's `AbortSignal` is
 * followed through {@link onAbort}, which keeps one listener per signal however many calls share
 * it, so thousands of calls on one signal leave no listener behind and trigger no
 * `MaxListenersExceededWarning`.
 */

interface Subscribers {
  callbacks: Set<() => void>;
  listener: () => void;
}

const subscribers = new WeakMap<AbortSignal, Subscribers>();

/**
 * Runs `callback` once when `signal` aborts; returns the function that stops watching. All the
 * callbacks on one signal share a single event listener, removed when the last one goes.
 *
 * @example
 * ```ts
 * const stop = onAbort(signal, () => controller.abort(signal.reason));
 * try { await work(); } finally { stop(); }
 * ```
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let entry = subscribers.get(signal);
  if (!entry) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      subscribers.delete(signal);
      for (const each of callbacks) each();
      callbacks.clear();
    };
    entry = { callbacks, listener };
    subscribers.set(signal, entry);
    signal.addEventListener('abort', listener, { once: true });
  }
  const { callbacks, listener } = entry;
  // A function may be given twice: wrap it so that each subscription is its own.
  const own = () => callback();
  callbacks.add(own);
  return () => {
    // Once the abort listener has run, `callbacks` is empty and the entry gone: it stops here.
    if (!callbacks.delete(own) || callbacks.size > 0) return;
    // The last subscription of the entry still registered (a new entry starts empty).
    subscribers.delete(signal);
    signal.removeEventListener('abort', listener);
  };
}

/**
 * Waits for `promise`, or rejects with the signal's reason as soon as it aborts.
 *
 * @example
 * ```ts
 * const token = await raceSignal(inflight, signal);
 * ```
 */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const stop = onAbort(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        stop();
        resolve(value);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}

/**
 * The deadline of one call: when it ends, and what is left of it.
 *
 * @example
 * ```ts
 * const deadline = new Deadline(60_000, Date.now);
 * const attemptMs = deadline.attemptMs(20_000); // at most 20 s, never beyond the call's end
 * ```
 */
export class Deadline {
  /** When the call must be settled, in the clock's milliseconds. */
  readonly end: number;

  constructor(
    /** The whole call's budget, in milliseconds (`timeoutMs`). */
    readonly timeoutMs: number,
    private readonly now: () => number,
  ) {
    this.end = now() + timeoutMs;
  }

  /** Milliseconds left, never below 0. */
  remaining(): number {
    return Math.max(0, this.end - this.now());
  }

  /** The deadline of the next attempt: `attemptTimeoutMs`, or what is left when that is less. */
  attemptMs(attemptTimeoutMs: number): number {
    return Math.min(attemptTimeoutMs, this.remaining());
  }
}

/**
 * An `AbortSignal` for one attempt: aborted by its own timer after `ms`, or by the caller's
 * signal. `dispose()` clears the timer and stops following the caller's signal.
 *
 * @example
 * ```ts
 * const attempt = attemptSignal(5_000, callerSignal);
 * try { await fetch(url, { signal: attempt.signal }); } finally { attempt.dispose(); }
 * if (attempt.timedOut) console.log('stalled');
 * ```
 */
export function attemptSignal(ms: number, caller: AbortSignal | undefined) {
  const controller = new AbortController();
  const state = {
    signal: controller.signal,
    timedOut: false,
    dispose,
  };
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort();
  }, ms);
  const stop = caller ? onAbort(caller, () => controller.abort(caller.reason)) : undefined;
  function dispose() {
    clearTimeout(timer);
    stop?.();
  }
  return state;
}
