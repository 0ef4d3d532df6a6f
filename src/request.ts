/**
 * What the transport sends: the method, URL, headers and body of one call, taken either from a
 * {@link PlainRequest} (a call no middleware sees) or from a standard `Request` (a call with
 * middleware, which may have read, changed or replaced it).
 */

/**
 * The request openapi-fetch builds for a call that no middleware will see. It holds what
 * openapi-fetch made (URL, method, headers, serialised body) and nothing else: a standard
 * `Request` parses the URL again, makes an `AbortSignal` and wraps the body in a web stream,
 * which cost about 50 µs a call on a 2-core machine (about half of what the client added to a
 * plain `fetch`, in `npm run bench -- --profile`), only for the transport to take it apart.
 *
 * It is handed to openapi-fetch per call as its `Request` class; middleware always gets a
 * standard `Request`. Its URL is not parsed here: the transport sends only URLs that begin with
 * the API's origin and a `/`, and every such string parses (the rest is percent-encoded).
 *
 * @example
 * ```ts
 * await client.GET('/pass/{chain}/{chainNetwork}/{wallet}', { params, Request: PlainRequest });
 * ```
 */
export class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly redirect: RequestRedirect;

  constructor(input: string, init: RequestInit = {}) {
    this.url = input;
    this.method = init.method ?? 'GET';
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.body = init.body ?? null;
    this.redirect = init.redirect ?? 'follow';
  }
}

/**
 * One request as the transport sends it on every attempt: the body is in memory (never a
 * stream, so a retry re-sends the same bytes) and the headers are the transport's own copy.
 *
 * @example
 * ```ts
 * const { method, headers, body } = await toSendable(request);
 * ```
 */
export interface Sendable {
  url: string;
  method: string;
  headers: Headers;
  body: BodyInit | null;
  redirect: RequestRedirect;
}

/**
 * Takes what the transport needs out of a request. A {@link PlainRequest}'s parts are used as
 * they are (they belong to this call alone); a standard `Request`'s headers are copied and its
 * body read once into memory.
 *
 * @example
 * ```ts
 * const sendable = await toSendable(new PlainRequest(url, { method: 'POST', body: '{}' }));
 * ```
 */
export async function toSendable(request: Request | PlainRequest): Promise<Sendable> {
  const { url, method, redirect } = request;
  if (request instanceof PlainRequest) {
    const { body } = request;
    return {
      url,
      method,
      redirect,
      headers: request.headers,
      body: body instanceof ReadableStream ? await new Response(body).arrayBuffer() : body,
    };
  }
  return {
    url,
    method,
    redirect,
    headers: new Headers(request.headers),
    body: request.body === null ? null : await request.arrayBuffer(),
  };
}
