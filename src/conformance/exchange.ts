/** One HTTP request and the answer to it, exactly as they went over the wire. */
export interface Exchange {
  readonly method: string;
  /** The full request URL. */
  readonly url: string;
  /** Whether the request carried an `Authorization` header (its value is never kept). */
  readonly authorized: boolean;
  readonly status: number;
  readonly headers: Headers;
  /** The body's bytes; empty when there was none. */
  readonly body: Uint8Array;
}

/**
 * The media types whose bodies are JSON (`application/json` and any `+json` suffix).
 *
 * @example
 * isJsonMediaType('application/problem+json'); // true
 */
export function isJsonMediaType(type: string | null): boolean {
  return type !== null && (type === 'application/json' || type.endsWith('+json'));
}

/**
 * Reads a response completely, keeping the raw bytes.
 *
 * @example
 * const exchange = await toExchange({ method: 'GET', url, authorized: false }, await fetch(url));
 */
export async function toExchange(
  request: { method: string; url: string; authorized: boolean },
  response: Response,
): Promise<Exchange> {
  const body = new Uint8Array(await response.arrayBuffer());
  return { ...request, status: response.status, headers: response.headers, body };
}

/** Wraps a `Request`-or-URL fetch argument pair into the request facts an exchange keeps. */
function describeRequest(input: RequestInfo | URL, init?: RequestInit) {
  const request = input instanceof Request ? input : null;
  const url = request ? request.url : String(input);
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  const headers = new Headers(init?.headers ?? request?.headers);
  return { method, url, authorized: headers.has('authorization') };
}

/**
 * A `fetch` that passes every call through and keeps a copy of each answer from the API's
 * origin, so that the checks see the status, headers and exact bytes the server sent, whatever
 * the client then made of them (a parse error included).
 *
 * @example
 * const recorder = recordingFetch(baseUrl, fetch);
 * const civic = createCivicPassClient({ baseUrl, fetch: recorder.fetch });
 * await civic.raw.GET('/pass/{chain}/{chainNetwork}/{wallet}', { params: { path }, parseAs: 'text' });
 * const exchange = await recorder.take(); // status, headers and bytes as sent
 */
export function recordingFetch(
  apiBaseUrl: string,
  underlying: typeof fetch,
): { fetch: typeof fetch; take(): Promise<Exchange | undefined> } {
  const base = apiBaseUrl.replace(/\/$/, '');
  let last: { request: ReturnType<typeof describeRequest>; response: Response } | undefined;
  const recording = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = describeRequest(input, init);
    const response = await underlying(input, init);
    if (request.url === base || request.url.startsWith(`${base}/`)) {
      last = { request, response: response.clone() };
    }
    return response;
  };
  return {
    fetch: recording as typeof fetch,
    async take() {
      const taken = last;
      last = undefined;
      return taken ? toExchange(taken.request, taken.response) : undefined;
    },
  };
}
