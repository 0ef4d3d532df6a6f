/**
 * A client wired to local servers for the fault tests: real sockets, but the waits between
 * retries are recorded instead of slept, so a test asserts the delay the policy chose without
 * waiting for it (and without asserting any wall-clock time).
 */
import { type CivicPassClient, createClientWithRuntime } from '../../src/client.js';
import type { CivicPassClientOptions } from '../../src/config.js';
import { dispatcherLog, overUndici } from './dispatcher-log.js';
import { type FetchLog, fetchLog } from './fetch-log.js';

export interface FaultClient {
  civic: CivicPassClient;
  log: FetchLog;
  /** Every backoff the client asked for, in milliseconds, in order. */
  sleeps: number[];
}

/** Creates a client on `baseUrl`/`tokenUrl` whose backoff waits are recorded, not slept. */
export function faultClient(
  options: CivicPassClientOptions & { baseUrl: string; tokenUrl: string },
  clock?: () => number,
): FaultClient {
  // Over undici (the client's own Node transport) a recording dispatcher takes fetch's place.
  let log: FetchLog;
  let transport: Pick<CivicPassClientOptions, 'fetch' | 'dispatcher'>;
  if (overUndici) {
    const recorded = dispatcherLog();
    log = recorded;
    transport = { dispatcher: recorded.dispatcher };
  } else {
    log = fetchLog();
    transport = { fetch: log.fetch };
  }
  const sleeps: number[] = [];
  const civic = createClientWithRuntime(
    { clientId: 'mock-client', clientSecret: 'mock-secret', ...transport, ...options },
    {
      random: () => 0.5,
      ...(clock && { now: clock }),
      sleep: async (ms, signal) => {
        sleeps.push(ms);
        if (signal?.aborted) throw signal.reason;
      },
    },
  );
  return { civic, log, sleeps };
}
