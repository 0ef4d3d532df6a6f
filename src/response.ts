/**
 * Answers read within their attempt: the transport reads each body before the attempt ends, so
 * the attempt's deadline and the retry policy cover the body as well as the headers.
 */

/** Statuses whose answers have no body (`new Response` refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const decoder = new TextDecoder();

/**
 * An answer whose body was read within its attempt (so the attempt's deadline and retries cover
 * it). Its reading methods serve the bytes from memory: building a `Response` around a buffer
 * and reading it back through a web stream costs more than the rest of the client together.
 * Unlike a plain `Response`, its body can be read more than once.
 *
 * @example
 * ```ts
 * const copy = new BufferedResponse(await response.arrayBuffer(), response);
 * ```
 */
export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  readonly #url: string;
  readonly #headers: Headers;

  constructor(bytes: ArrayBuffer, source: Response) {
    super(null, { status: source.status, statusText: source.statusText });
    this.#bytes = new Uint8Array(bytes);
    this.#url = source.url;
    // The answer's own headers, not a copy: as read-only as those of any fetched Response.
    this.#headers = source.headers;
  }

  override get url(): string {
    return this.#url;
  }

  override get headers(): Headers {
    return this.#headers;
  }

  override async text(): Promise<string> {
    return decoder.decode(this.#bytes);
  }

  override async json(): Promise<unknown> {
    return JSON.parse(decoder.decode(this.#bytes));
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes.slice().buffer;
  }

  override async blob(): Promise<Blob> {
    return new Blob([this.#bytes], { type: this.headers.get('content-type') ?? '' });
  }

  override async formData(): Promise<FormData> {
    return new Response(this.#bytes, { headers: this.headers }).formData();
  }

  override clone(): BufferedResponse {
    return new BufferedResponse(this.#bytes.slice().buffer, this);
  }

  /** A fresh stream over the bytes, for callers that read `body` (e.g. `parseAs: 'stream'`). */
  get bodyStream(): ReadableStream<Uint8Array> {
    return new Blob([this.#bytes]).stream();
  }
}
// `body` is a read-only accessor of Response; the subclass serves it from memory as well.
Object.defineProperty(BufferedResponse.prototype, 'body', {
  get(this: BufferedResponse) {
    return this.bodyStream;
  },
});

/**
 * Reads the answer's body within the attempt, so its deadline and retries cover it too. Answers
 * that have no body are returned as they are.
 *
 * @example
 * ```ts
 * const response = await readWithinAttempt(await fetch(url, init), init.method);
 * ```
 */
export async function readWithinAttempt(response: Response, method: string): Promise<Response> {
  if (NULL_BODY_STATUSES.has(response.status) || method === 'HEAD') {
    await response.body?.cancel();
    return response;
  }
  return new BufferedResponse(await response.arrayBuffer(), response);
}
