/**
 * Answers read within their attempt: the transport reads each body before the attempt ends, so
 * the attempt's deadline and the retry policy cover the body as well as the headers, and never
 * more than `maxResponseBytes` of it (counted after decompression).
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

  constructor(bytes: ArrayBuffer, source: ResponseHead) {
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
 * What a {@link BufferedResponse} keeps of the answer it was read from (a `Response` fits).
 *
 * @example
 * ```ts
 * const head: ResponseHead = { status: 200, statusText: 'OK', headers: new Headers(), url };
 * ```
 */
export type ResponseHead = Pick<Response, 'status' | 'statusText' | 'headers' | 'url'>;

/**
 * The body went past `maxResponseBytes`; the reading stopped there and the body was cancelled.
 * Internal: the transport turns it into an `InvalidResponseError` (`RESPONSE_TOO_LARGE`).
 *
 * @example
 * ```ts
 * throw new BodyTooLargeError(4 * 1024 * 1024);
 * ```
 */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the body is larger than ${limit} bytes`);
  }
}

/**
 * Reads the answer's body within the attempt, so its deadline and retries cover it too, and
 * stops at `maxBytes` (after decompression, whatever `Content-Length` says): the body is then
 * cancelled, not drained, and {@link BodyTooLargeError} is thrown. Answers that have no body are
 * returned as they are.
 *
 * @example
 * ```ts
 * const response = await readWithinAttempt(await fetch(url, init), init.method, 4 * 1024 * 1024);
 * ```
 */
export async function readWithinAttempt(
  response: Response,
  method: string,
  maxBytes: number,
): Promise<Response> {
  const { body } = response;
  if (NULL_BODY_STATUSES.has(response.status) || method === 'HEAD') {
    body?.cancel().catch(() => {});
    return response;
  }
  if (body === null) return new BufferedResponse(new ArrayBuffer(0), response);
  const length = response.headers.get('content-length');
  if (length !== null && !response.headers.has('content-encoding')) {
    // Not compressed: the length frames the body, so it can be refused, or read in one go.
    const declared = Number(length);
    if (declared > maxBytes) {
      body.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    if (Number.isSafeInteger(declared)) {
      return new BufferedResponse(await response.arrayBuffer(), response);
    }
  }
  return new BufferedResponse(await readCapped(body, maxBytes), response);
}

/**
 * Reads a stream chunk by chunk, giving up (cancelling it, and throwing
 * {@link BodyTooLargeError}) past `maxBytes`.
 *
 * @example
 * ```ts
 * const bytes = await readCapped(response.body, 4 * 1024 * 1024);
 * ```
 */
export async function readCapped(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<ArrayBuffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1 && chunks[0]) {
    const only = chunks[0];
    return only.byteOffset === 0 && only.byteLength === only.buffer.byteLength
      ? (only.buffer as ArrayBuffer)
      : (only.slice().buffer as ArrayBuffer);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined.buffer;
}
