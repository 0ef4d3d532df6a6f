/**
 * The undici counterpart of `fetch-log.ts`: a dispatcher that records every request the client
 * sends through undici (token requests included, and those that never reach a server) and
 * passes it on to a keep-alive `Agent`. With it, the fault tests run over the client's real
 * Node transport as well as over an injected `fetch` (`CIVIC_TEST_SENDER=undici`, the
 * `faults-undici` project).
 */
import { Agent } from 'undici';
import type { DispatcherLike } from '../../src/config.js';
import type { FetchLog, LoggedCall } from './fetch-log.js';

interface DispatchOptions {
  origin?: string | URL;
  path: string;
  method: string;
  headers?: Record<string, string> | null;
  body?: string | Uint8Array | null;
}

/** True when the tests should send through undici rather than an injected fetch. */
export const overUndici = process.env.CIVIC_TEST_SENDER === 'undici';

/** Makes a recording dispatcher; `log.fetch` is not used on this path. */
export function dispatcherLog(): FetchLog & { dispatcher: DispatcherLike } {
  const calls: LoggedCall[] = [];
  const agent = new Agent();
  return {
    calls,
    to: (prefix) => calls.filter((call) => call.url.startsWith(prefix)),
    fetch: () => Promise.reject(new Error('this log records undici dispatches, not fetch calls')),
    dispatcher: {
      dispatch(options: object, handler: object) {
        const { origin, path, method, headers, body } = options as DispatchOptions;
        calls.push({
          method,
          url: `${String(origin).replace(/\/$/, '')}${path}`,
          headers: new Headers(headers ?? {}),
          body: typeof body === 'string' ? body : body == null ? null : '[binary]',
        });
        return agent.dispatch(options as Parameters<Agent['dispatch']>[0], handler as never);
      },
    },
  };
}
