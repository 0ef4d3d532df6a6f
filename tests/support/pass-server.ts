/**
 * A small stateful stand-in for the Civic API (node:http, in-process), for bulk and wait tests:
 * it keeps passes per chain/network/wallet, follows the state table of DECISIONS.md for issue,
 * freeze, unfreeze, expire and revoke, answers the token endpoint, and counts every request per
 * operation and wallet, so a test can check that each wallet was acted on exactly once.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface PassServer {
  baseUrl: string;
  tokenUrl: string;
  env: Record<string, string>;
  /** Passes by `chain/network/wallet`. */
  passes: Map<string, { state: string; expiryTimestamp?: number }>;
  /** Requests by `METHOD chain/network/wallet` (issue: `POST chain/network/wallet`). */
  counts: Map<string, number>;
  /** Every API request, in order, as `METHOD key`. */
  log: string[];
  close(): Promise<void>;
}

export interface PassServerOptions {
  /** Delay before each API answer, in ms (to keep requests in flight). Default 0. */
  delayMs?: number;
  /** Issued passes are ACTIVE at once (true, default) or stay REQUESTED. */
  confirmAtOnce?: boolean;
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `r-${status}` });
  response.end(JSON.stringify(body));
}

const error = (code: string) => ({ code, message: code.toLowerCase() });

/**
 * Starts the server on a free loopback port.
 *
 * @example
 * const server = await startPassServer(); // server.env points civic-pass at it
 */
export async function startPassServer(options: PassServerOptions = {}): Promise<PassServer> {
  const passes: PassServer['passes'] = new Map();
  const counts = new Map<string, number>();
  const log: string[] = [];
  const sockets = new Set<Socket>();

  function handle(
    request: IncomingMessage,
    body: string,
    reply: (status: number, body?: unknown) => void,
  ): void {
    const url = request.url ?? '';
    const method = request.method ?? '';
    if (url === '/oauth/token') {
      reply(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 3600 });
      return;
    }
    const match = /^\/partner\/pass\/([^/]+)\/([^/]+)(?:\/([^/?]+))?$/.exec(url);
    if (!match) {
      reply(404, error('ROUTE_NOT_FOUND'));
      return;
    }
    const [, chain, network] = match;
    let wallet = match[3];
    if (method === 'POST' && wallet === undefined) {
      wallet = (JSON.parse(body || '{}') as { walletAddress?: string }).walletAddress;
    }
    const key = `${chain}/${network}/${wallet}`;
    const tag = `${method} ${key}`;
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
    log.push(tag);
    const pass = passes.get(key);
    const view = () => ({
      id: key,
      chain: { type: chain, network },
      walletAddress: wallet,
      state: pass?.state,
      onChainState: pass?.state,
      ...(pass?.expiryTimestamp !== undefined && { expiryTimestamp: pass.expiryTimestamp }),
      events: [],
    });
    if (method === 'POST' && match[3] === undefined) {
      if (pass) {
        reply(409, error(pass.state === 'REVOKED' ? 'PASS_REVOKED' : 'PASS_EXISTS'));
        return;
      }
      const created = { state: options.confirmAtOnce === false ? 'REQUESTED' : 'ACTIVE' };
      passes.set(key, created);
      reply(202, { ...view(), state: created.state, onChainState: created.state });
      return;
    }
    if (!pass) {
      reply(404, error('PASS_NOT_FOUND'));
      return;
    }
    if (method === 'GET') {
      reply(200, view());
      return;
    }
    if (pass.state === 'REVOKED') {
      reply(409, error('PASS_REVOKED'));
      return;
    }
    if (method === 'DELETE') {
      pass.state = 'REVOKED';
      reply(200, { status: 'ok' });
      return;
    }
    if (method === 'PATCH') {
      if (pass.state === 'REQUESTED') {
        reply(409, error('INVALID_STATE_TRANSITION'));
        return;
      }
      const change = JSON.parse(body || '{}') as { state?: string; expiryTimestamp?: number };
      if (change.state !== undefined) pass.state = change.state;
      if (change.expiryTimestamp !== undefined) pass.expiryTimestamp = change.expiryTimestamp;
      reply(200, { status: 'ok' });
      return;
    }
    reply(405, error('METHOD_NOT_ALLOWED'));
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const delay = request.url === '/oauth/token' ? 0 : (options.delayMs ?? 0);
      // The state changes at once; only the answer is late, so a client killed meanwhile
      // leaves a request the server acted on without the client knowing.
      handle(request, body, (status, answer) =>
        delay > 0
          ? setTimeout(() => send(response, status, answer), delay)
          : send(response, status, answer),
      );
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}/partner`,
    tokenUrl: `${origin}/oauth/token`,
    env: {
      CIVIC_CLIENT_ID: 'bulk-client',
      CIVIC_CLIENT_SECRET: 'bulk-secret',
      CIVIC_API_BASE_URL: `${origin}/partner`,
      CIVIC_TOKEN_URL: `${origin}/oauth/token`,
    },
    passes,
    counts,
    log,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
