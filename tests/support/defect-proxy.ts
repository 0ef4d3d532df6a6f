/**
 * A proxy in front of a server (the sandbox) that injects one defect: it can rewrite a request
 * before forwarding it, answer in its place, or rewrite the answer. The conformance tests run
 * the runner through it to prove each defect is caught; the shipped sandbox stays correct.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the proxy forwards it; hooks may change it. */
export interface ProxyRequest {
  method: string;
  /** Path and query, e.g. `/partner/pass`. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** An answer; hooks may change it or make one up. */
export interface ProxyAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What hooks know across requests. */
export interface ProxyState {
  /** Tokens the token endpoint issued through the proxy. */
  readonly tokens: Set<string>;
  /** A valid token of the proxy's own, to make a request pass that would be refused. */
  readonly token: string;
  /** Sends a request straight to the server (no hooks). */
  forward(request: ProxyRequest): Promise<ProxyAnswer>;
  /** Free-form memory of a defect. */
  readonly memory: Map<string, unknown>;
}

/** One defect. */
export interface Defect {
  /** Changes the request, or answers it without forwarding. */
  request?(
    request: ProxyRequest,
    state: ProxyState,
  ): ProxyAnswer | undefined | Promise<ProxyAnswer | undefined>;
  /** Changes the answer. */
  answer?(request: ProxyRequest, answer: ProxyAnswer, state: ProxyState): void | Promise<void>;
}

/** A running proxy. */
export interface DefectProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

/** A JSON answer. */
export const jsonAnswer = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): ProxyAnswer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/**
 * Starts a proxy to `upstream` (an origin) with one defect. `credentials` get the proxy's own
 * token from `tokenPath`.
 *
 * @example
 * const proxy = await startDefectProxy(origin, defect, { clientId, clientSecret, audience });
 */
export async function startDefectProxy(
  upstream: string,
  defect: Defect,
  credentials: { clientId: string; clientSecret: string; audience: string; tokenPath?: string },
): Promise<DefectProxy> {
  const tokenPath = credentials.tokenPath ?? '/oauth/token';
  const forward = async (request: ProxyRequest): Promise<ProxyAnswer> => {
    const headers = { ...request.headers };
    for (const name of ['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'])
      delete headers[name];
    const init: RequestInit = { method: request.method, headers, redirect: 'manual' };
    if (request.body !== '' && request.method !== 'GET' && request.method !== 'HEAD')
      init.body = request.body;
    const response = await fetch(`${upstream}${request.url}`, init);
    const answerHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (
        name !== 'content-length' &&
        name !== 'transfer-encoding' &&
        name !== 'connection' &&
        name !== 'keep-alive'
      )
        answerHeaders[name] = value;
    });
    return { status: response.status, headers: answerHeaders, body: await response.text() };
  };
  const own = await forward({
    method: 'POST',
    url: tokenPath,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      audience: credentials.audience,
    }).toString(),
  });
  const token = (JSON.parse(own.body) as { access_token: string }).access_token;
  const state: ProxyState = { tokens: new Set([token]), token, forward, memory: new Map() };
  const sockets = new Set<Socket>();
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      try {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(incoming.headers)) {
          if (typeof value === 'string') headers[name] = value;
        }
        const request: ProxyRequest = {
          method: incoming.method ?? 'GET',
          url: incoming.url ?? '/',
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        const original = { ...request, headers: { ...headers } };
        let answer = await defect.request?.(request, state);
        answer ??= await forward(request);
        if (request.url === tokenPath && answer.status === 200) {
          const issued = (JSON.parse(answer.body) as { access_token?: string }).access_token;
          if (issued) state.tokens.add(issued);
        }
        await defect.answer?.(original, answer, state);
        outgoing.writeHead(answer.status, answer.headers);
        outgoing.end(answer.body);
      } catch (error) {
        outgoing.writeHead(502, { 'content-type': 'text/plain' });
        outgoing.end(`defect proxy: ${String(error)}`);
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
