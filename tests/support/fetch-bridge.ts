/**
 * Runs the unit tests' scripted `fetch` functions behind a real local server, so the same tests
 * also cover the client's undici transport (the `unit-undici` project, `CIVIC_TEST_SENDER=undici`).
 *
 * The client gets a dispatcher instead of a `fetch`: it sends each request, over real sockets
 * and through the client's own undici sender, to one local node:http server, naming the origin
 * it was meant for in a header. The server rebuilds the URL and `init`, calls the test's
 * `fetch`, and writes its answer back (status, headers, body, as a stream). A `fetch` that
 * throws makes the server drop the connection; a client that gives up closes it, which aborts
 * the signal the test's `fetch` was given.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import type { DispatcherLike, FetchLike } from '../../src/config.js';

const ID = 'x-test-bridge-id';
const ORIGIN = 'x-test-bridge-origin';
/** Headers undici adds for the wire that the test's fetch would never have seen. */
const WIRE_ONLY = new Set(['host', 'connection', 'content-length', 'keep-alive', ID, ORIGIN]);

const routes = new Map<string, FetchLike>();
let server: Promise<string> | undefined;
let count = 0;

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const fetchFn = routes.get(String(request.headers[ID]));
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (!fetchFn) {
    response.writeHead(500).end('no route');
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (WIRE_ONLY.has(name) || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const gaveUp = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) gaveUp.abort(new DOMException('aborted', 'AbortError'));
  });
  const body = Buffer.concat(chunks);
  let result: Response;
  try {
    result = await fetchFn(`${request.headers[ORIGIN]}${request.url}`, {
      method: request.method ?? 'GET',
      headers,
      body: body.length > 0 ? body.toString('utf8') : null,
      signal: gaveUp.signal,
    });
  } catch {
    request.socket.destroy();
    return;
  }
  response.writeHead(result.status, result.statusText, [...result.headers]);
  if (result.body) {
    try {
      for await (const chunk of result.body as unknown as AsyncIterable<Uint8Array>) {
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
        if (response.destroyed) break;
      }
    } catch {
      request.socket.destroy();
      return;
    }
  }
  response.end();
}

function start(): Promise<string> {
  server ??= new Promise((resolve) => {
    const http = createServer((request, response) => {
      answer(request, response).catch(() => request.socket.destroy());
    });
    http.listen(0, '127.0.0.1', () => {
      // The bridge lives as long as the test process; it must not keep it alive.
      http.unref();
      resolve(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    });
  });
  return server;
}

let bridgeOrigin: string | undefined;

/**
 * A dispatcher that carries the client's requests to `fetchFn` through the local bridge.
 *
 * @example
 * ```ts
 * await initBridge();
 * createCivicPassClient({ dispatcher: bridged(api.fetch) });
 * ```
 */
export function bridged(fetchFn: FetchLike): DispatcherLike {
  if (bridgeOrigin === undefined) throw new Error('await initBridge() first');
  const id = String(++count);
  routes.set(id, fetchFn);
  const agent = new Agent();
  const origin = bridgeOrigin;
  return {
    dispatch(options: object, handler: object) {
      const sent = options as { origin?: unknown; headers?: Record<string, string> | null };
      return agent.dispatch(
        {
          ...(options as Parameters<Agent['dispatch']>[0]),
          origin,
          headers: { ...(sent.headers ?? {}), [ID]: id, [ORIGIN]: String(sent.origin) },
        },
        handler as never,
      );
    },
  };
}

/** Starts the bridge server (once per process); fake-api.ts awaits it at load. */
export async function initBridge(): Promise<void> {
  bridgeOrigin = await start();
}
