/**
 * The sender on Node: one HTTP attempt through `undici.request`, the library Node's own `fetch`
 * is built on, without the WHATWG `Request`/`Response`/stream machinery that costs `fetch` most
 * of its CPU. Connections are kept alive per origin (an undici `Agent` holds a `Pool` per
 * origin). No redirect is followed (undici follows none unless told to): a 3xx comes back as it
 * is. The body is read within the call, decoded (gzip, deflate, br) and capped
 * (`undici-body.ts`).
 *
 * Which dispatcher carries a request, as `fetch` would choose it: the `dispatcher` option; else
 * a global dispatcher the user set (`setGlobalDispatcher`, e.g. a `ProxyAgent`); else this
 * sender's own `Agent`, which `close()` releases. Idle sockets do not hold the process open
 * (undici unrefs them), so a script that never calls `close()` still exits.
 *
 * Imported only through `undici-load.ts`, on Node; nothing public names an undici type.
 */
import { Agent, type Dispatcher, request } from 'undici';
import type { Sender, SendLimits } from './attempt.js';
import type { DispatcherLike } from './config.js';
import { clientClosedError } from './errors.js';
import { BodyTooLargeError, BufferedResponse } from './response.js';
import { ACCEPT_ENCODING, codingsOf, readBody } from './undici-body.js';

/**
 * The undici sender of one client: {@link Sender} plus `close()`, which releases the sender's own
 * connections (a dispatcher the user gave or set is theirs, and left open).
 *
 * @example
 * ```ts
 * const { send, close } = createUndiciSender();
 * ```
 */
export interface UndiciSender {
  send: Sender;
  close(): Promise<void>;
}

/** Each global dispatcher seen, and whether it is one the user chose. */
const judged = new WeakMap<object, boolean>();

/**
 * The global dispatcher when the user chose one, else `undefined`. undici installs a plain
 * `Agent` as soon as it is loaded, and Node's `fetch` at its first call: neither is a choice, and
 * a plain `Agent` set on purpose changes nothing either; in those cases the sender uses its own
 * (which `close()` can release). Anything else, a `ProxyAgent`, an `Agent` with TLS or connect
 * options, a mock, is honoured as `fetch` honours it.
 */
function userGlobalDispatcher(): Dispatcher | undefined {
  // Where the legacy (v1 handler) global dispatcher lives; fetch and every undici line read it.
  const current = (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')];
  if (typeof current !== 'object' || current === null) return undefined;
  const chosen = judged.get(current) ?? judge(current);
  return chosen ? (current as Dispatcher) : undefined;
}

/** Judges a global dispatcher once: whether the user chose it. */
function judge(dispatcher: object): boolean {
  const chosen = !isPlainAgent(dispatcher);
  judged.set(dispatcher, chosen);
  return chosen;
}

/**
 * True for an undici `Agent` (of any copy of undici, Node's own included) made without options.
 * An `Agent` keeps its options under a symbol described as `options`; when it cannot be read,
 * the dispatcher counts as chosen, so a proxy is never skipped.
 */
function isPlainAgent(candidate: object): boolean {
  if ((candidate as { constructor?: { name?: unknown } }).constructor?.name !== 'Agent') {
    return false;
  }
  const [options] = Object.getOwnPropertySymbols(candidate)
    .filter((key) => key.description === 'options')
    .map((key) => (candidate as Record<symbol, unknown>)[key]);
  if (typeof options !== 'object' || options === null) return false;
  return Object.entries(options).every(
    ([name, value]) => value === undefined || (name === 'maxOrigins' && value === Infinity),
  );
}

const EMPTY = Buffer.alloc(0);

/**
 * Creates a sender. With `dispatcher`, every request goes through it (and `close()` leaves it
 * open: it is the caller's).
 *
 * @example
 * ```ts
 * const sender = createUndiciSender();
 * const answer = await sender.send(url, { method: 'GET', headers }, { maxResponseBytes: 1 << 20 });
 * await sender.close();
 * ```
 */
export function createUndiciSender(
  options: { dispatcher?: DispatcherLike | undefined } = {},
): UndiciSender {
  const given = options.dispatcher as Dispatcher | undefined;
  let own: Agent | undefined;
  let closed = false;

  function dispatcherFor(): Dispatcher {
    if (given) return given;
    const global = userGlobalDispatcher();
    if (global) return global;
    // close() ran while this send waited: the same refusal as a call made after it.
    if (closed) throw clientClosedError();
    own ??= new Agent();
    return own;
  }

  async function send(url: string, init: RequestInit, opts: SendLimits): Promise<Response> {
    const method = init.method ?? 'GET';
    const headers = toHeaderRecord(init.headers);
    const body = await bodyOf(init.body ?? null, headers);
    headers['accept-encoding'] ??= ACCEPT_ENCODING;

    const answer = await request(url, {
      dispatcher: dispatcherFor(),
      method: method as Dispatcher.HttpMethod,
      headers,
      body,
      signal: opts.signal,
    });
    const { statusCode: status } = answer;
    // undici handles an informational (1xx) answer itself and waits for the final one.
    if (status > 599) {
      discard(answer.body);
      throw new Error(`the server answered with status ${status}, which HTTP does not define`);
    }
    const encoding = answer.headers['content-encoding'];
    const codings = codingsOf(Array.isArray(encoding) ? encoding.join(', ') : encoding);
    let bytes: Buffer;
    if (status >= 300 && status < 400) {
      // A redirect is refused by the caller, whatever its body says: it is not read.
      discard(answer.body);
      bytes = EMPTY;
    } else if (method === 'HEAD' || [204, 205].includes(status)) {
      // No body, as fetch gives none (a 304 is a 3xx, above). Read to its end so the connection
      // is reused; bytes a server sends anyway (a 205 with content) are dropped, and with them
      // the connection, rather than reported as a body over a cap of 0.
      bytes = await readBody(answer.body, [], 0).catch(noBody);
    } else {
      // A declared length over the cap is refused before reading a byte (identity only: an
      // encoded body's length says nothing about its decoded size).
      const declared = Number(answer.headers['content-length']);
      if (codings?.length === 0 && declared > opts.maxResponseBytes) {
        discard(answer.body);
        throw new BodyTooLargeError(opts.maxResponseBytes);
      }
      bytes = await readBody(answer.body, codings ?? [], opts.maxResponseBytes);
    }
    const responseHeaders = toHeaders(answer.headers);
    if (codings !== undefined && codings.length > 0) {
      // The body is decoded now: its encoding and length describe bytes no one will see, as with
      // a fetched answer.
      responseHeaders.delete('content-encoding');
      responseHeaders.delete('content-length');
    }
    const head = { status, statusText: answer.statusText ?? '', url, headers: responseHeaders };
    // readBody's Buffers, and EMPTY, own their whole ArrayBuffer: no copy is needed.
    return new BufferedResponse(bytes.buffer as ArrayBuffer, head);
  }

  async function close(): Promise<void> {
    closed = true;
    const agent = own;
    own = undefined;
    await agent?.close();
  }

  return { send, close };
}

/**
 * A request body as undici takes it: a string as it is (with no type added), any other body as
 * bytes, its type (a form's, a blob's) added unless the caller set one.
 */
async function bodyOf(
  body: BodyInit | null,
  headers: Record<string, string>,
): Promise<string | Uint8Array | null> {
  if (typeof body === 'string') return body;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path only: bytesOf reads a Uint8Array to the same bytes with no type, and null to an empty body, which undici sends exactly as it sends none. The `true` variants (a Blob sent as it is) are not equivalent; with this comment removed the Blob tests of undici-mutation.test.ts kill them
  if (body === null || body instanceof Uint8Array) return body;
  const converted = await bytesOf(body);
  if (converted.type && headers['content-type'] === undefined) {
    headers['content-type'] = converted.type;
  }
  return converted.bytes;
}

/** The bytes of an answer that has no body: none, whatever came (other errors stand). */
function noBody(error: unknown): Buffer {
  if (error instanceof BodyTooLargeError) return EMPTY;
  throw error;
}

/** Closes a body nobody will read (and its connection), without an unhandled 'error'. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on('error', () => {});
  body.destroy();
}

/** Request headers as undici takes them: lower-case names, one string each. */
function toHeaderRecord(init: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (init === undefined) return record;
  const entries = init instanceof Headers || Array.isArray(init) ? init : Object.entries(init);
  for (const [name, value] of entries as Iterable<[string, string]>) {
    const key = name.toLowerCase();
    record[key] = record[key] === undefined ? value : `${record[key]}, ${value}`;
  }
  return record;
}

/** Response headers as a `Headers`, repeated fields (`Set-Cookie`) kept apart. */
function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const name in raw) {
    // undici gives a string or, for a repeated field, an array; never the `undefined` the type allows.
    const value = raw[name] as string | string[];
    if (typeof value === 'string') headers.append(name, value);
    else for (const item of value) headers.append(name, item);
  }
  return headers;
}

/**
 * Any other `BodyInit` (form data, `URLSearchParams`, a blob, a stream, an `ArrayBuffer`) as
 * bytes and a type, read as `fetch` reads it.
 */
async function bytesOf(body: BodyInit): Promise<{ bytes: Uint8Array; type: string | null }> {
  const response = new Response(body);
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    type: response.headers.get('content-type'),
  };
}
