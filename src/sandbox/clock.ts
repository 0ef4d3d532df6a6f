/**
 * The sandbox clock: the time every confirmation, expiry and token lifetime is measured on.
 * It runs with the real clock from a chosen start (so a client that polls sees passes confirm as
 * against Civic), or stands still (`frozen`, for tests); either way `advance(ms)` moves it on, so
 * nothing needs to sleep.
 */

/** How the sandbox clock starts. */
export interface ClockOptions {
  /** The sandbox time at start; default the real time. */
  start?: number | Date;
  /** Stand still except when advanced; default false (runs with the real clock). */
  frozen?: boolean;
}

/** The saved form of a clock, kept in the data file. */
export interface ClockState {
  readonly frozen: boolean;
  /** Frozen: the sandbox time. Running: how far ahead of the real clock it is, in ms. */
  readonly value: number;
}

/**
 * The clock of a sandbox, as `sandbox.clock`.
 *
 * @example
 * const sandbox = await startSandbox({ clock: { frozen: true } });
 * sandbox.clock.advance(2_000); // a pending pass is now confirmed
 */
export interface SandboxClock {
  /** The sandbox time, in milliseconds since the epoch. */
  now(): number;
  /** Moves the clock forward by `ms` (a finite number ≥ 0) and returns the new time. */
  advance(ms: number): number;
  /** Whether it stands still between advances. */
  readonly frozen: boolean;
}

/** A {@link SandboxClock} the sandbox itself can save, restore and reset. */
export interface ManagedClock extends SandboxClock {
  save(): ClockState;
  restore(state: ClockState): void;
  /** Back to the time it started at. */
  reset(): void;
}

/**
 * Makes a clock. `realNow` is the real time source (injected by tests of the clock itself).
 *
 * @example
 * const clock = createClock({ start: Date.UTC(2030, 0, 1), frozen: true });
 * clock.advance(60_000);
 * new Date(clock.now()).toISOString(); // '2030-01-01T00:01:00.000Z'
 */
export function createClock(
  options: ClockOptions = {},
  realNow: () => number = Date.now,
): ManagedClock {
  const frozen = options.frozen ?? false;
  const start = options.start === undefined ? realNow() : Number(options.start);
  if (!Number.isFinite(start)) throw new RangeError('clock start must be a finite time');
  const initial = (): ClockState => ({ frozen, value: frozen ? start : start - realNow() });
  let value = initial().value;
  return {
    frozen,
    now: () => (frozen ? value : realNow() + value),
    advance(ms) {
      // The clock never goes back: events and token lifetimes rely on time only moving on.
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`clock.advance takes a finite number of ms ≥ 0, not ${String(ms)}`);
      }
      value += ms;
      return frozen ? value : realNow() + value;
    },
    save: () => ({ frozen, value }),
    restore(state) {
      // A running clock saved as running keeps its lead; a change of mode starts afresh.
      if (state.frozen === frozen && Number.isFinite(state.value)) value = state.value;
    },
    reset() {
      value = initial().value;
    },
  };
}
