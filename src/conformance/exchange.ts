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
