/**
 * The control API under `/__sandbox/`: what a test or a demo does to the sandbox over HTTP (move
 * the clock, set faults, add PII requests, reset). Not part of Civic's API, and unauthenticated:
 * the sandbox listens on loopback by default.
 *
 *   GET    /__sandbox/clock            → { now, iso, frozen }
 *   POST   /__sandbox/clock/advance    { ms } → { now, iso, frozen }
 *   GET    /__sandbox/faults           → { rules }
 *   PUT    /__sandbox/faults           { rules, seed? } → { rules }
 *   DELETE /__sandbox/faults           → { rules: [] }
 *   GET    /__sandbox/pii              → { records }
 *   POST   /__sandbox/pii              a PII seed (evidence as text) → 201 the request
 *   POST   /__sandbox/reset            → { status: 'ok' }
 */
import type { SandboxClock } from './clock.js';
import type { FaultOptions, Faults } from './faults.js';
import { ApiError } from './http.js';
import type { Reply } from './operations.js';
import type { PiiSeed } from './pii.js';

/** What the control API acts on. */
export interface ControlTarget {
  clock: SandboxClock;
  /** Advances the clock and saves it. */
  advance(ms: number): void;
  faults: Faults;
  addPii(seed: PiiSeed): unknown;
  listPii(): unknown[];
  reset(): void;
}

/**
 * Makes the control API's handler.
 *
 * @example
 * const control = createControl(target);
 * control('POST', '/clock/advance', { ms: 2000 });
 */
export function createControl(target: ControlTarget) {
  const clockView = () => ({
    now: target.clock.now(),
    iso: new Date(target.clock.now()).toISOString(),
    frozen: target.clock.frozen,
  });
  const rangeToBadRequest = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof RangeError) {
        throw new ApiError(400, 'INVALID_REQUEST', error.message, 'body');
      }
      throw error;
    }
  };
  const routes: Record<string, Record<string, (body: unknown) => Reply>> = {
    '/clock': { GET: () => ({ status: 200, json: clockView() }) },
    '/clock/advance': {
      POST: (body) => {
        const ms = (body as { ms?: unknown } | undefined)?.ms;
        rangeToBadRequest(() => target.advance(ms as number));
        return { status: 200, json: clockView() };
      },
    },
    '/faults': {
      GET: () => ({ status: 200, json: { rules: target.faults.rules } }),
      PUT: (body) => {
        rangeToBadRequest(() => target.faults.set(body as FaultOptions));
        return { status: 200, json: { rules: target.faults.rules } };
      },
      DELETE: () => {
        target.faults.clear();
        return { status: 200, json: { rules: [] } };
      },
    },
    '/pii': {
      GET: () => ({ status: 200, json: { records: target.listPii() } }),
      POST: (body) => ({
        status: 201,
        json: rangeToBadRequest(() => target.addPii((body ?? {}) as PiiSeed)),
      }),
    },
    '/reset': {
      POST: () => {
        target.reset();
        return { status: 200, json: { status: 'ok' } };
      },
    },
  };
  return (method: string, path: string, body: unknown): Reply => {
    const route = routes[path.replace(/\/$/, '')];
    if (!route) throw new ApiError(404, 'ROUTE_NOT_FOUND', `no control route ${path}`);
    const handler = route[method];
    if (!handler) {
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here`, undefined, {
        allow: Object.keys(route).join(', '),
      });
    }
    return handler(body);
  };
}
