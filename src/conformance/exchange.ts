import { BodyTooLargeError, readCapped as readStream } from '../response.js';

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

/** The most of one answer the runner reads: no answer of this API comes near it. */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * Reads a body up to `maxBytes` (the client's capped reader); a longer one is cancelled (its
 * connection closed) and refused with an error that says so, so that an endless answer costs
 * neither memory nor the whole run.
 *
 * @example
 * const bytes = await readCapped(await fetch(url));
 */
export async function readCapped(
  response: Response,
  maxBytes = MAX_ANSWER_BYTES,
): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  try {
    return new Uint8Array(await readStream(response.body, maxBytes));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    throw new Error(`the answer is longer than ${maxBytes} bytes, more than any answer of the API`);
  }
}

/**
 * Reads a response completely (up to {@link MAX_ANSWER_BYTES}), keeping the raw bytes.
 *
 * @example
 * const exchange = await toExchange({ method: 'GET', url, authorized: false }, await fetch(url));
 */
export async function toExchange(
  request: { method: string; url: string; authorized: boolean },
  response: Response,
): Promise<Exchange> {
  const body = await readCapped(response);
  return { ...request, status: response.status, headers: response.headers, body };
}
