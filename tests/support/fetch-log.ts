/**
 * A `fetch` for the client that passes every call to the real `fetch` and records it, so a test
 * can assert exactly which requests left the client (token requests included), even those that
 * never reached a server (a refused connection).
 */
import type { FetchLike } from '../../src/config.js';

/** What came back, when the log keeps answers. */
export interface LoggedAnswer {
  status: number;
  headers: Headers;
  body: Uint8Array;
}

/** One call the client made through its `fetch`. */
export interface LoggedCall {
  method: string;
  url: string;
  headers: Headers;
  body: string | null;
  /** The answer, read in full (only with `keepAnswers`). */
  answer?: LoggedAnswer;
}

export interface FetchLog {
  fetch: FetchLike;
  calls: LoggedCall[];
  /** The calls whose URL starts with `prefix` (e.g. the API's base URL, or the token URL). */
  to(prefix: string): LoggedCall[];
}

/**
 * Makes a recording `fetch`; each test makes its own. With `keepAnswers`, each answer is read in
 * full before the client sees it (only for servers that answer promptly, like Prism).
 */
export function fetchLog(options: { keepAnswers?: boolean } = {}): FetchLog {
  const calls: LoggedCall[] = [];
  return {
    calls,
    to: (prefix) => calls.filter((call) => call.url.startsWith(prefix)),
    fetch: async (url, init) => {
      const call: LoggedCall = {
        method: (init.method ?? 'GET').toUpperCase(),
        url,
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? init.body : init.body == null ? null : '[binary]',
      };
      calls.push(call);
      const response = await fetch(url, init);
      if (options.keepAnswers) {
        const body = new Uint8Array(await response.clone().arrayBuffer());
        call.answer = { status: response.status, headers: response.headers, body };
      }
      return response;
    },
  };
}
