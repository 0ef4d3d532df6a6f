/**
 * A local node:http server that answers the n-th request with the n-th step of a script, and
 * records every request (method, path, headers, body). A request beyond the script is answered
 * 500 and recorded too, so asserting the exact number of requests catches it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the server saw of one request. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** One scripted answer. It may write the answer, destroy the socket, or never answer. */
export type Step = (
  request: RecordedRequest,
  response: ServerResponse,
  socket: Socket,
) => void | Promise<void>;

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: readonly RecordedRequest[];
  /** Stops listening and destroys every open connection (hanging steps included). */
  close(): Promise<void>;
}

/**
 * Starts a server that plays `script` (an array of steps, or a function of the request number
 * and the request) and records requests.
 *
 * @example
 * const server = await scriptedServer([status(503), json(200, page)]);
 */
export async function scriptedServer(
  script: readonly Step[] | ((index: number, request: RecordedRequest) => Step | undefined),
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = requests.length;
      requests.push(recorded);
      const step = typeof script === 'function' ? script(index, recorded) : script[index];
      if (!step) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: `unscripted request #${index + 1}` }));
        return;
      }
      Promise.resolve(step(recorded, response, request.socket)).catch(() => {
        response.destroy();
      });
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
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a JSON body. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Step =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

/** Answers with any body and content type, written as is (malformed JSON, HTML, bytes). */
export const raw =
  (
    status: number,
    contentType: string | null,
    body: string,
    headers: Record<string, string> = {},
  ): Step =>
  (_request, response) => {
    response.writeHead(status, {
      ...(contentType === null ? {} : { 'content-type': contentType }),
      ...headers,
    });
    response.end(body);
  };

/** Answers with a status and no body. */
export const status =
  (code: number, headers: Record<string, string> = {}): Step =>
  (_request, response) => {
    response.writeHead(code, headers);
    response.end();
  };

/** Resets the connection without answering (TCP RST), as a crashing proxy would. */
export const reset = (): Step => (_request, _response, socket) => {
  socket.resetAndDestroy();
};

/** Sends the status line, headers and half a JSON body, then resets the connection. */
export const resetMidBody =
  (code: number, body: unknown): Step =>
  (_request, response, socket) => {
    const text = JSON.stringify(body);
    response.writeHead(code, { 'content-type': 'application/json', 'content-length': text.length });
    response.write(text.slice(0, Math.floor(text.length / 2)), () => socket.resetAndDestroy());
  };

/** Never answers; the connection stays open until the client gives up or the server closes. */
export const hang = (): Step => () => {};

/** Sends the status line and headers at once, then the body only after `ms`. */
export const slowBody =
  (ms: number, code: number, body: unknown): Step =>
  (_request, response) => {
    response.writeHead(code, { 'content-type': 'application/json' });
    response.write(' ');
    const timer = setTimeout(() => response.end(JSON.stringify(body)), ms);
    response.on('close', () => clearTimeout(timer));
  };

/** Runs a step only after `ms`. */
export const delayed =
  (ms: number, step: Step): Step =>
  (request, response, socket) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => resolve(step(request, response, socket)), ms);
      response.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });

/** A port on 127.0.0.1 that nothing listens on: bound, then released a moment ago. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Answers a token request like Auth0 does. */
export function tokenAnswer(response: ServerResponse, token = 'server-token-1'): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 86400 }));
}
