/**
 * Run by memory.test.ts in its own process, so that its memory is this work's alone: refuses
 * endless bodies and gzip bombs from a local server and prints what the process's memory did.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createCivicPassClient } from '../../src/index.js';

const CHUNK = Buffer.alloc(64 * 1024, 0x20);
const INFLATED_MB = 32;
const BOMB = gzipSync(Buffer.alloc(INFLATED_MB * 1024 * 1024, 0x20));
let requests = 0;

const server = createServer((request, response) => {
  request.resume();
  if (request.url === '/oauth/token') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ access_token: 'memory-token', token_type: 'Bearer', expires_in: 3600 }),
    );
    return;
  }
  requests += 1;
  response.on('error', () => {});
  if (request.url?.includes('/pass/ethereum/sepolia/')) {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    response.end(BOMB);
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  const pump = () => {
    while (!response.destroyed && response.write(CHUNK)) {}
    if (!response.destroyed) response.once('drain', pump);
  };
  pump();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const civic = createCivicPassClient({
  baseUrl: `${url}/partner`,
  tokenUrl: `${url}/oauth/token`,
  clientId: 'id',
  clientSecret: 'memory-secret',
  maxRetries: 0,
});
const wallet = '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888';

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
globalThis.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);

const codes: string[] = [];
let afterFirstRound = baseline;
for (let round = 0; round < 10; round += 1) {
  if (round === 1) afterFirstRound = peak;
  for (const call of [
    () => civic.passes.list(), // endless body
    () => civic.passes.get({ chain: 'ethereum', chainNetwork: 'sepolia', wallet }), // the bomb
  ]) {
    codes.push(
      await call().then(
        () => 'OK',
        (error: { code?: string }) => String(error.code),
      ),
    );
    peak = Math.max(peak, process.memoryUsage().rss);
  }
}
clearInterval(sampler);
server.close();
server.closeAllConnections();
console.log(
  JSON.stringify({
    baselineMB: mb(baseline),
    peakMB: mb(peak),
    growthMB: mb(peak - baseline),
    // What the nine later rounds added to the first one's peak: flat means close to 0.
    laterRoundsMB: mb(peak - afterFirstRound),
    requests,
    bombKiB: { wire: Math.round(BOMB.length / 1024), inflated: INFLATED_MB * 1024 },
    codes: [...new Set(codes)],
    calls: codes.length,
  }),
);
