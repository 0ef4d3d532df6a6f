/**
 * The local server of `npm run bench`, run in its own process so that its CPU time is not
 * counted in the benchmark's. It answers the token endpoint, `getPass` and `listPass` with
 * fixed, valid bodies as fast as it can, and counts what it served.
 *
 * Control routes: `POST /__reset {"total": n}` sets how many passes `listPass` walks through and
 * zeroes the counters; `GET /__stats` returns them. It prints `listening <port>` when ready.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const BASE_PATH = '/partner';
const PASS = {
  id: '6748a1c0e4b0a1f2c3d4e5f6',
  chain: { type: 'ethereum', network: 'sepolia' },
  gatekeeperNetwork: 'tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf',
  walletAddress: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
  state: 'ACTIVE',
  onChainState: 'ACTIVE',
  events: [
    {
      eventType: 'TOKEN_ISSUED_INITIATED',
      timestamp: 1732780800,
      transaction: { identifier: `0x${'5d3c'.repeat(16)}`, status: 'sent' },
    },
    {
      eventType: 'TOKEN_ISSUED',
      timestamp: 1732780815,
      transaction: { identifier: `0x${'5d3c'.repeat(16)}`, status: 'confirmed' },
    },
  ],
};
const PASS_BODY = Buffer.from(JSON.stringify(PASS));
const TOKEN_BODY = Buffer.from(
  JSON.stringify({
    access_token: 'bench-token',
    token_type: 'Bearer',
    expires_in: 86_400,
    scope: 'issue:pass search:pass update:pass get:pii put:piirequest',
  }),
);

const stats = { tokenRequests: 0, apiRequests: 0 };
let total = 0;

function send(response: ServerResponse, status: number, body: Buffer | string): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
    });
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

/** One page of a list of `total` passes, made on the fly: the server holds no list. */
function page(limit: number, skip: number): string {
  const records: string[] = [];
  for (let i = skip; i < Math.min(total, skip + limit); i++) {
    const wallet = `0x${i.toString(16).padStart(40, '0')}`;
    records.push(JSON.stringify({ ...PASS, id: `p${i}`, walletAddress: wallet }));
  }
  return `{"records":[${records.join(',')}]}`;
}

const server = createServer(async (request, response) => {
  const url = request.url ?? '/';
  const method = request.method ?? 'GET';
  if (method === 'GET' && url.startsWith(`${BASE_PATH}/pass/`)) {
    stats.apiRequests += 1;
    // Drain nothing: a GET has no body. Answer at once.
    return send(response, 200, PASS_BODY);
  }
  const body = await readBody(request);
  if (method === 'POST' && url === '/oauth/token') {
    stats.tokenRequests += 1;
    return send(response, 200, TOKEN_BODY);
  }
  if (method === 'POST' && url === `${BASE_PATH}/pass`) {
    stats.apiRequests += 1;
    const { limit = 20, skip = 0 } = JSON.parse(body || '{}') as { limit?: number; skip?: number };
    return send(response, 200, page(limit, skip));
  }
  if (method === 'POST' && url === '/__reset') {
    total = (JSON.parse(body || '{}') as { total?: number }).total ?? 0;
    stats.tokenRequests = 0;
    stats.apiRequests = 0;
    return send(response, 200, '{}');
  }
  if (method === 'GET' && url === '/__stats') return send(response, 200, JSON.stringify(stats));
  return send(response, 404, '{"message":"no route"}');
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
// The benchmark closes stdin when it is done, or dies: either way, go too.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
