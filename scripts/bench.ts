/**
 * `npm run bench`: what the client costs, measured against a local server in its own process
 * (scripts/bench-server.ts). Prints a table; it is a measurement, not a test.
 *
 * 1. CPU time per `passes.get` call, at concurrency 1 and 64, for five ways of making it: a
 *    hand-written `fetch` with a cached token (the reference), the same with a 30 s deadline (an
 *    `AbortController` and a timer, as every client call has), bare openapi-fetch (no token
 *    logic, no deadline), `undici.request` on a keep-alive `Agent` (the floor on Node), and the
 *    client. In one run, in rounds whose order rotates (`fetch`'s own cost swings with whatever
 *    ran just before it); `process.cpuUsage()` around each batch. Printed: the median per call
 *    over the rounds with the interquartile range, and the median of the per-round ratios to the
 *    hand-written fetch.
 * 2. `passes.listAll` over 1,000 and 50,000 passes: the peak live heap (after a GC, sampled
 *    along the way) above the baseline, which stays flat when one page is held at a time.
 * 3. 1,000 concurrent calls on a cold client: how many token requests they make.
 * 4. How long the sandbox (`startSandbox()`) takes to start (scripts/bench-sandbox.ts).

 * 4. `civic-pass passes issue --from FILE` over 10,000 wallets (scripts/bench-bulk.ts): wallets
 *    per second, journal and results file included.
 *
 *   npm run bench                          all of it
 *   npm run bench -- --profile             also profile both variants (V8 sampling profiler,
 *                                          the one behind --cpu-prof), print where the time
 *                                          goes, and save the .cpuprofile files in reports/
 *   npm run bench -- --rounds 40 --batch 1000
 *   npm run bench -- --only bulk --bulk-wallets 10000 --bulk-concurrency 32
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import createClient from 'openapi-fetch';
import { Agent, request } from 'undici';
import type { paths } from '../generated/openapi.js';
import { type CivicPassClient, createCivicPassClient, type PassRef } from '../src/index.js';
import { benchBulk } from './bench-bulk.js';
import { sandboxStartup } from './bench-sandbox.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The client's CPU per call, as a share of a hand-written fetch's: issue 14's target. */
const TARGET_RATIO = 0.8;
const CONCURRENCY = [1, 64] as const;
const REF: PassRef = {
  chain: 'ethereum',
  chainNetwork: 'sepolia',
  wallet: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
};

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    batch: { type: 'string', default: '640' },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
    'bulk-wallets': { type: 'string', default: '10000' },
    'bulk-concurrency': { type: 'string', default: '32' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log(
    'usage: npm run bench [-- --rounds N --batch N --profile --only bulk --bulk-wallets N --bulk-concurrency N]',
  );
  process.exit(0);
}
const ROUNDS = Number(args.rounds);
const BATCH = Number(args.batch);

const gc = (globalThis as { gc?: () => void }).gc;

// ---------------------------------------------------------------------------------------------
// The server, in a separate process.

async function startServer(): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/bench-server.ts')],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    lines.on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });
  return { port, child };
}

// ---------------------------------------------------------------------------------------------
// The ways of reading a pass.

const VARIANTS = ['fetch', 'fetchDeadline', 'openapiFetch', 'undici', 'client'] as const;
type VariantName = (typeof VARIANTS)[number];
type Variants = Record<VariantName, () => Promise<unknown>>;

const LABELS: Record<VariantName, string> = {
  fetch: 'hand-written fetch',
  fetchDeadline: 'fetch + 30 s deadline',
  openapiFetch: 'bare openapi-fetch',
  undici: 'undici.request',
  client: 'the client (passes.get)',
};

async function makeVariants(
  port: number,
): Promise<Variants & { civic: CivicPassClient; close: () => Promise<void> }> {
  const origin = `http://127.0.0.1:${port}`;
  const options = {
    baseUrl: `${origin}/partner`,
    tokenUrl: `${origin}/oauth/token`,
    clientId: 'bench',
    clientSecret: 'bench-secret',
  };
  const civic = createCivicPassClient(options);

  // The reference: what anyone would write by hand, with the token fetched once and kept.
  const tokenResponse = await fetch(options.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      audience: 'https://api.civic.com/pass',
    }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const url = `${options.baseUrl}/pass/${REF.chain}/${REF.chainNetwork}/${REF.wallet}`;
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const handWritten = async (signal?: AbortSignal) => {
    const response = await fetch(url, { headers, signal: signal ?? null });
    if (!response.ok) throw new Error(`getPass answered ${response.status}`);
    return response.json();
  };
  const handWrittenWithDeadline = async () => {
    // A timer cleared when the answer is in: AbortSignal.timeout would leave 30 s timers behind
    // that the other variants' rounds would pay for.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), 30_000);
    try {
      return await handWritten(deadline.signal);
    } finally {
      clearTimeout(timer);
    }
  };
  const bare = createClient<paths>({ baseUrl: options.baseUrl, headers });
  const path = { chain: REF.chain, chainNetwork: REF.chainNetwork, wallet: REF.wallet };
  const bareOpenapiFetch = async () => {
    const { data, error } = await bare.GET('/pass/{chain}/{chainNetwork}/{wallet}', {
      params: { path },
    });
    if (error !== undefined) throw new Error('getPass failed');
    return data;
  };
  const agent = new Agent();
  const undiciRequest = async () => {
    const { statusCode, body } = await request(url, { dispatcher: agent, headers });
    if (statusCode !== 200) throw new Error(`getPass answered ${statusCode}`);
    return body.json();
  };
  return {
    civic,
    close: () => agent.close(),
    fetch: () => handWritten(),
    fetchDeadline: handWrittenWithDeadline,
    openapiFetch: bareOpenapiFetch,
    undici: undiciRequest,
    client: () => civic.passes.get(REF),
  };
}

/** CPU time (user + system, µs) of `n` calls, `concurrency` of them in flight at a time. */
async function cpuOf(call: () => Promise<unknown>, n: number, concurrency = 1): Promise<number> {
  const start = process.cpuUsage();
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next += 1;
      await call();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return ((sorted[low] ?? Number.NaN) + (sorted[high] ?? Number.NaN)) / 2;
}

interface CpuFigures {
  /** µs of CPU per call in each round, per variant. */
  perCall: Record<VariantName, number[]>;
  /** The variant's per-call CPU over the hand-written fetch's, in each round. */
  ratio: Record<VariantName, number[]>;
}

async function measureCpu(variants: Variants, concurrency: number): Promise<CpuFigures> {
  // Warm up every path (JIT, connection pool, token) before measuring.
  for (const name of VARIANTS) await cpuOf(variants[name], 2_000, concurrency);
  const perCall = Object.fromEntries(VARIANTS.map((name) => [name, [] as number[]])) as Record<
    VariantName,
    number[]
  >;
  const ratio = Object.fromEntries(VARIANTS.map((name) => [name, [] as number[]])) as Record<
    VariantName,
    number[]
  >;
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order, so no variant always pays for another's garbage.
    const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length] as VariantName);
    const spent = {} as Record<VariantName, number>;
    for (const name of order)
      spent[name] = (await cpuOf(variants[name], BATCH, concurrency)) / BATCH;
    for (const name of VARIANTS) {
      perCall[name].push(spent[name]);
      ratio[name].push(spent[name] / spent.fetch);
    }
  }
  return { perCall, ratio };
}

function cpuTable(figures: Map<number, CpuFigures>): string[] {
  const spread = (values: number[], digits: number) =>
    `${quantile(values, 0.5).toFixed(digits)} (${quantile(values, 0.25).toFixed(digits)}–${quantile(values, 0.75).toFixed(digits)})`;
  const header = ['CPU per call, µs: median (IQR)'];
  for (const c of CONCURRENCY) header.push(`c=${c}`, `× fetch, c=${c}`);
  const lines = [cells(header, [30, 22, 22, 22, 22])];
  for (const name of VARIANTS) {
    const row = [LABELS[name]];
    for (const c of CONCURRENCY) {
      const f = figures.get(c) as CpuFigures;
      row.push(`${spread(f.perCall[name], 1)}`, name === 'fetch' ? '1' : spread(f.ratio[name], 2));
    }
    lines.push(cells(row, [30, 22, 22, 22, 22]));
  }
  return lines;
}

function cells(values: string[], widths: number[]): string {
  return values
    .map((value, i) => `${value} `.padEnd(widths[i] ?? 0))
    .join('')
    .trimEnd();
}

// ---------------------------------------------------------------------------------------------
// Profiles: the V8 sampling profiler (as `node --cpu-prof`), around the measured calls only.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function profileOf(call: () => Promise<unknown>, n: number): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    for (let i = 0; i < n; i++) await call();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return profile;
  } finally {
    session.disconnect();
  }
}

const CATEGORIES: [string, (url: string, fn: string) => boolean][] = [
  ['idle', (_url, fn) => fn === '(idle)'],
  ['garbage collection', (_url, fn) => fn === '(garbage collector)'],
  ['client (src/)', (url) => url.includes('/src/')],
  ['openapi-fetch', (url) => url.includes('/openapi-fetch/')],
  ['oauth4webapi', (url) => url.includes('/oauth4webapi/')],
  ['undici (fetch)', (url) => url.includes('undici')],
  ['node internals', (url) => url.startsWith('node:')],
  ['V8 / native', (url, fn) => url === '' || fn.startsWith('(')],
  ['other', () => true],
];

function categoryOf(url: string, fn: string): string {
  return CATEGORIES.find(([, test]) => test(url, fn))?.[0] ?? 'other';
}

function frameName(frame: ProfileNode['callFrame']): string {
  const where = frame.url
    ? frame.url
        .replace(/^file:\/\//, '')
        .replace(`${ROOT}/`, '')
        .replace(/^.*node_modules\//, '')
    : '(native)';
  return `${where}:${frame.functionName || '(anonymous)'}`;
}

/** Self time per category and per frame, and inclusive time per frame, in µs. */
function analyse(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const categories = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    const category = categoryOf(node.callFrame.url, node.callFrame.functionName);
    categories.set(category, (categories.get(category) ?? 0) + dt);
    if (category === 'idle') return;
    busy += dt;
    const name = frameName(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame === undefined || !frame.url.includes('/src/')) continue;
      const key = frameName(frame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  return { self, inclusive, categories, busy };
}

async function profileBoth(variants: Variants): Promise<string[]> {
  const calls = 20_000;
  const out: string[] = [];
  const dir = path.join(ROOT, 'reports');
  mkdirSync(dir, { recursive: true });
  const results = {} as Record<'client' | 'fetch', ReturnType<typeof analyse>>;
  for (const name of ['client', 'fetch'] as const) {
    const profile = await profileOf(variants[name], calls);
    writeFileSync(path.join(dir, `bench-${name}.cpuprofile`), JSON.stringify(profile));
    results[name] = analyse(profile);
  }
  const perCall = (us: number | undefined) => `${((us ?? 0) / calls).toFixed(1)} µs`;
  out.push(
    `Where the time goes: V8 sampling profiler every 100 µs over ${calls.toLocaleString('en')} calls each,`,
    'per call (profiling itself slows both down); profiles in reports/bench-{client,fetch}.cpuprofile',
    '',
    row(['category', 'client', 'hand-written fetch', 'difference']),
  );
  for (const [category] of CATEGORIES) {
    if (category === 'idle') continue;
    const c = results.client.categories.get(category) ?? 0;
    const f = results.fetch.categories.get(category) ?? 0;
    if (c === 0 && f === 0) continue;
    out.push(row([category, perCall(c), perCall(f), perCall(c - f)]));
  }
  out.push(
    row([
      'total (not idle)',
      perCall(results.client.busy),
      perCall(results.fetch.busy),
      perCall(results.client.busy - results.fetch.busy),
    ]),
  );
  const share = (us: number) => `${((100 * us) / results.client.busy).toFixed(1)}%`;
  out.push('', 'Client run, the most expensive frames (self time, share of its busy time):');
  for (const [name, us] of [...results.client.self].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    out.push(`  ${share(us).padStart(6)}  ${perCall(us).padStart(9)}  ${name}`);
  }
  out.push('', 'Client run, its own functions in src/ (inclusive time, share of its busy time):');
  for (const [name, us] of [...results.client.inclusive].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    out.push(`  ${share(us).padStart(6)}  ${perCall(us).padStart(9)}  ${name}`);
  }
  return out;
}

/**
 * What the pieces a request path may use cost on this machine, each alone, in µs of CPU: to
 * tell which of them the client's extra time per call is made of.
 */
function unitCosts(baseUrl: string): string[] {
  const n = 20_000;
  const url = `${baseUrl}/pass/${REF.chain}/${REF.chainNetwork}/${REF.wallet}`;
  const headers = new Headers({ authorization: 'Bearer x', accept: 'application/json' });
  const body = new TextEncoder().encode(JSON.stringify({ records: [] }).padEnd(600)).buffer;
  const answer = new Response(body, {
    headers: { 'content-type': 'application/json', 'content-length': '600', date: 'now' },
  });
  const pieces: [string, () => unknown][] = [
    ['new AbortController()', () => new AbortController()],
    ['setTimeout + clearTimeout', () => clearTimeout(setTimeout(() => {}, 30_000))],
    ['new Headers(headers)', () => new Headers(headers)],
    ['new Request(url, { method, headers })', () => new Request(url, { method: 'GET', headers })],
    [
      'new Request(url, { ..., signal }) (follows the signal)',
      () => new Request(url, { method: 'GET', headers, signal: new AbortController().signal }),
    ],
    [
      'new Response(body, { status, statusText, headers })',
      () => new Response(body, { status: 200, statusText: 'OK', headers: answer.headers }),
    ],
  ];
  const out = ['', 'Unit costs on this machine (each piece alone, CPU per operation):'];
  for (const [label, make] of pieces) {
    for (let i = 0; i < 2_000; i++) make();
    gc?.();
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) make();
    const used = process.cpuUsage(start);
    out.push(`  ${((used.user + used.system) / n).toFixed(1).padStart(6)} µs  ${label}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// listAll and the token.

async function control(
  port: number,
  route: string,
  body?: object,
): Promise<Record<string, number>> {
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {
    method: body ? 'POST' : 'GET',
    ...(body && { body: JSON.stringify(body) }),
  });
  return (await response.json()) as Record<string, number>;
}

function liveHeap(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function listAllPeak(civic: CivicPassClient, port: number, total: number, keep: boolean) {
  const pageSize = 100;
  await control(port, '/__reset', { total });
  const pages = Math.ceil(total / pageSize);
  const every = Math.max(1, Math.floor(pages / 50)); // about 50 samples per run
  const kept: unknown[] = [];
  const base = liveHeap();
  let peak = base;
  let count = 0;
  const started = process.cpuUsage();
  for await (const pass of civic.passes.listAll({ pageSize })) {
    count += 1;
    if (keep) kept.push(pass);
    if (count % (pageSize * every) === 0) peak = Math.max(peak, liveHeap());
  }
  const cpu = process.cpuUsage(started);
  peak = Math.max(peak, liveHeap());
  const { apiRequests } = await control(port, '/__stats');
  kept.length = 0;
  return {
    count,
    requests: apiRequests ?? 0,
    peakMb: (peak - base) / 2 ** 20,
    cpuUsPerPass: (cpu.user + cpu.system) / Math.max(1, count),
  };
}

// ---------------------------------------------------------------------------------------------

function row(cells: string[]): string {
  const widths = [50, 14, 20, 14];
  return cells
    .map((cell, i) => `${cell} `.padEnd(widths[i] ?? 0))
    .join('')
    .trimEnd();
}

async function bulkSection(): Promise<void> {
  const figures = await benchBulk(Number(args['bulk-wallets']), Number(args['bulk-concurrency']));
  console.log(`\n${row(['measure', 'wallets', 'issue requests', 'throughput'])}`);
  console.log(
    row([
      `civic-pass passes issue --from (concurrency ${figures.concurrency})`,
      figures.wallets.toLocaleString('en'),
      figures.issueRequests.toLocaleString('en'),
      `${Math.round(figures.perSecond)} wallets/s  (${figures.seconds.toFixed(1)} s; "${figures.summary}", exit ${figures.exitCode})`,
    ]),
  );
}

async function main(): Promise<void> {
  if (args.only === 'bulk') {
    await bulkSection();
    return;
  }
  const { port, child } = await startServer();
  try {
    const cpus = os.cpus();
    console.log(
      `civic-pass-client benchmark: node ${process.version}, ${os.platform()} ${os.arch()}, ` +
        `${cpus[0]?.model.trim() ?? 'unknown CPU'} (${cpus.length} cores), ` +
        `${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os.loadavg()[0]?.toFixed(2)}`,
    );
    console.log(`local server (separate process) on http://127.0.0.1:${port}\n`);
    if (!gc) console.log('(run with node --expose-gc, as npm run bench does, for heap figures)\n');

    const variants = await makeVariants(port);
    const figures = new Map<number, CpuFigures>();
    for (const concurrency of CONCURRENCY) {
      figures.set(concurrency, await measureCpu(variants, concurrency));
    }
    console.log(
      `passes.get, ${ROUNDS} rounds × ${BATCH} calls per variant and concurrency, order rotating`,
    );
    for (const line of cpuTable(figures)) console.log(line);
    const verdicts = CONCURRENCY.map((c) => {
      const median = quantile((figures.get(c) as CpuFigures).ratio.client, 0.5);
      return `c=${c}: ${median.toFixed(2)}x ${median <= TARGET_RATIO ? 'within' : 'OVER'}`;
    });
    console.log(
      `the client vs hand-written fetch (target ≤ ${TARGET_RATIO.toFixed(2)}x): ${verdicts.join(', ')}`,
    );

    console.log(`\n${row(['measure', 'passes', 'requests', 'peak live heap'])}`);
    for (const [total, keep] of [
      [1_000, false],
      [50_000, false],
      [50_000, true],
    ] as const) {
      const result = await listAllPeak(variants.civic, port, total, keep);
      const label = keep
        ? `  for contrast: keeping all ${total.toLocaleString('en')} in an array`
        : `listAll over ${total.toLocaleString('en')} (pageSize 100)`;
      console.log(
        row([
          label,
          result.count.toLocaleString('en'),
          String(result.requests),
          `+${result.peakMb.toFixed(1)} MB  (${result.cpuUsPerPass.toFixed(1)} µs CPU per pass)`,
        ]),
      );
    }

    await control(port, '/__reset', { total: 0 });
    const cold = createCivicPassClient({
      baseUrl: `http://127.0.0.1:${port}/partner`,
      tokenUrl: `http://127.0.0.1:${port}/oauth/token`,
      clientId: 'bench',
      clientSecret: 'bench-secret',
    });
    await Promise.all(Array.from({ length: 1_000 }, () => cold.passes.get(REF)));
    const stats = await control(port, '/__stats');
    console.log(`\n${row(['measure', 'API requests', 'token requests'])}`);
    console.log(
      row([
        '1,000 concurrent passes.get, cold client',
        String(stats.apiRequests),
        String(stats.tokenRequests),
      ]),
    );

    console.log(`\n${row(['measure (sandbox)', 'time'])}`);
    for (const [label, figure] of await sandboxStartup()) console.log(row([label, figure]));
    await bulkSection();

    if (args.profile) {
      console.log('');
      for (const line of await profileBoth(variants)) console.log(line);
      for (const line of unitCosts(`http://127.0.0.1:${port}/partner`)) console.log(line);
    }
    await variants.close();
  } finally {
    child.stdin?.end();
    child.kill();
  }
}

await main();
