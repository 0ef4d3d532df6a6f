/**
 * `startSandbox()`: a stateful, spec-true Civic Pass API and its token endpoint on one local
 * port, in memory (or backed by a data file), with a clock and faults under the caller's control.
 */
import { createServer } from 'node:http';
import { DEFAULT_AUDIENCE } from '../../generated/api.js';
import { type ClockOptions, createClock, type SandboxClock } from './clock.js';
import { createControl } from './control.js';
import { createFaults, type FaultOptions, type Faults } from './faults.js';
import { listen } from './http.js';
import { type PiiSeed, piiRecord, piiView } from './pii.js';
import { createRandom } from './random.js';
import {
  API_PREFIX,
  CONTROL_PREFIX,
  createRequestHandler,
  type SandboxRequest,
  TOKEN_PATH,
} from './server.js';
import {
  createStore,
  DataFileError,
  type FileSystem,
  readDataFile,
  type SandboxState,
} from './store.js';
import { ALL_SCOPES, type SandboxClient } from './token.js';

/** Options of {@link startSandbox}; every one has a default. */
export interface SandboxOptions {
  /** Port; default `0`, a free port chosen by the system. */
  port?: number;
  /** Interface; default `127.0.0.1` (the control API has no authentication). */
  host?: string;
  /** Seed of ids, transaction hashes and faults; default 1. */
  seed?: number;
  /** Keep the state in this JSON file, across restarts; default in memory only. */
  dataFile?: string;
  /** How the sandbox clock starts; default the real time, running. */
  clock?: ClockOptions;
  /** Sandbox time from an accepted change to its confirmation on chain; default 2000 ms. */
  confirmationDelayMs?: number;
  /** Lifetime of the tokens it issues, in seconds (sandbox clock); default 86400. */
  tokenLifetimeS?: number;
  /** Credentials of the default client, which holds every scope. */
  clientId?: string;
  clientSecret?: string;
  /** More clients, for example with fewer scopes. */
  clients?: readonly SandboxClient[];
  /** The audience token requests must name; default the spec's. */
  audience?: string;
  /** The `gatekeeperNetwork` of the passes it issues; default Civic's sandbox pass. */
  gatekeeperNetwork?: string;
  /** PII requests present from the start (and again after `reset()`). */
  pii?: readonly PiiSeed[];
  /** Faults in force from the start; default none. */
  faults?: FaultOptions;
  /** File operations of the data file (tests simulate a crash mid-write with it). */
  fileSystem?: FileSystem;
}

/** A running sandbox, as {@link startSandbox} returns it. */
export interface Sandbox {
  /** The API's base URL, `http://127.0.0.1:<port>/partner`. */
  readonly baseUrl: string;
  /** The token endpoint, `http://127.0.0.1:<port>/oauth/token`. */
  readonly tokenUrl: string;
  /** The control API's base URL, `http://127.0.0.1:<port>/__sandbox`. */
  readonly controlUrl: string;
  /** Credentials of the default client (every scope). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** `CIVIC_API_BASE_URL`, `CIVIC_TOKEN_URL`, `CIVIC_CLIENT_ID`, `CIVIC_CLIENT_SECRET`. */
  readonly env: Readonly<Record<string, string>>;
  /** The sandbox clock: `clock.advance(ms)` confirms pending changes and expires passes. */
  readonly clock: SandboxClock;
  /** Faults on demand: `faults.set({ rules })`, `faults.clear()`. */
  readonly faults: Faults;
  /** The requests received since start or the last `reset()`, oldest first (the last 10,000). */
  readonly requests: readonly SandboxRequest[];
  /** How long the start took, in ms. */
  readonly startupMs: number;
  /** Adds a PII request and returns it as `getPii` shows it. */
  addPii(seed?: PiiSeed): ReturnType<typeof piiView>;
  /** Forgets every pass and PII request (back to the seeded ones), the faults and the recorded
   * requests, and sets the clock back; tokens already issued stay valid. */
  reset(): void;
  /** Stops listening and closes open connections. Idempotent. */
  close(): Promise<void>;
}

/**
 * How many requests {@link Sandbox.requests} keeps, the most recent.
 *
 * @example
 * sandbox.requests.length <= MAX_RECORDED_REQUESTS; // true
 */
export const MAX_RECORDED_REQUESTS = 10_000;

/**
 * The default client's id; it holds every scope.
 *
 * @example
 * (await startSandbox()).clientId === SANDBOX_CLIENT_ID; // true
 */
export const SANDBOX_CLIENT_ID = 'sandbox-client';
/**
 * The default client's secret.
 *
 * @example
 * (await startSandbox()).clientSecret === SANDBOX_CLIENT_SECRET; // true
 */
export const SANDBOX_CLIENT_SECRET = 'sandbox-secret';

/**
 * Starts a sandbox of the Civic Pass API and its token endpoint on one local port. It starts in
 * milliseconds, so a test file can start its own.
 *
 * @example
 * const sandbox = await startSandbox({ clock: { frozen: true } });
 * const civic = createCivicPassClient({
 *   baseUrl: sandbox.baseUrl, tokenUrl: sandbox.tokenUrl,
 *   clientId: sandbox.clientId, clientSecret: sandbox.clientSecret,
 * });
 * await civic.passes.issue(ref);  // REQUESTED
 * sandbox.clock.advance(2_000);   // confirmed: ACTIVE
 * await sandbox.close();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const clientId = options.clientId ?? SANDBOX_CLIENT_ID;
  const clientSecret = options.clientSecret ?? SANDBOX_CLIENT_SECRET;
  const confirmationDelayMs = options.confirmationDelayMs ?? 2_000;
  const tokenLifetimeS = options.tokenLifetimeS ?? 86_400;
  for (const [name, value] of [
    ['confirmationDelayMs', confirmationDelayMs],
    ['tokenLifetimeS', tokenLifetimeS],
    ['seed', seed],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`sandbox option ${name} must be an integer ≥ 0`);
    }
  }
  const clock = createClock(options.clock);
  let random = createRandom(seed);
  const faults = createFaults(seed);
  if (options.faults) faults.set(options.faults);

  const fresh = (): SandboxState => {
    random = createRandom(seed);
    const now = clock.now();
    return {
      version: 1,
      random: random.state(),
      clock: clock.save(),
      passes: [],
      pii: (options.pii ?? []).map((piiSeed, i, all) => {
        if (piiSeed.id !== undefined && all.findIndex((other) => other.id === piiSeed.id) !== i) {
          throw new RangeError(`PII request ${piiSeed.id} is seeded twice`);
        }
        return piiRecord(piiSeed, random, now);
      }),
      tokens: [],
    };
  };
  const dataFileOptions = {
    ...(options.dataFile !== undefined && { dataFile: options.dataFile }),
    ...(options.fileSystem !== undefined && { fs: options.fileSystem }),
  };
  const saved = options.dataFile ? readDataFile(options.dataFile, options.fileSystem) : null;
  if (saved) {
    clock.restore(saved.clock);
    random = createRandom(seed, saved.random);
  }
  const store = createStore(saved ?? fresh(), {
    ...dataFileOptions,
    beforeSave(state) {
      state.random = random.state();
      state.clock = clock.save();
    },
    afterReplace(state) {
      random = createRandom(seed, state.random);
      clock.restore(state.clock);
    },
  });
  // A first start writes the file at once, so the seeded state survives a restart too, and a
  // file that cannot be written is said now rather than on the first change.
  if (!saved && options.dataFile) {
    try {
      store.change(() => {});
    } catch (error) {
      throw new DataFileError(
        `cannot write the data file ${options.dataFile}: ${(error as Error).message}`,
      );
    }
  }

  let requests: SandboxRequest[] = [];
  let baseUrl = '';
  const operations = {
    store,
    clock,
    get random() {
      return random;
    },
    confirmationDelayMs,
    gatekeeperNetwork: options.gatekeeperNetwork ?? 'tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf',
    get baseUrl() {
      return baseUrl;
    },
  };
  const addPii = (piiSeed: PiiSeed = {}) => {
    const record = store.change(() => {
      const created = piiRecord(piiSeed, random, clock.now());
      if (store.findPii(created.id)) throw new RangeError(`PII request ${created.id} exists`);
      store.state.pii.push(created);
      return created;
    });
    return piiView(record, baseUrl);
  };
  const reset = () => {
    clock.reset();
    faults.clear();
    requests = [];
    const tokens = store.state.tokens;
    store.change(() => store.replace({ ...fresh(), tokens }));
  };
  const control = createControl({
    clock,
    advance: (ms) => store.change(() => clock.advance(ms)),
    faults,
    addPii,
    listPii: () => store.state.pii.map((record) => piiView(record, baseUrl)),
    reset,
  });
  const clients: SandboxClient[] = [
    { clientId, clientSecret, scopes: ALL_SCOPES },
    ...(options.clients ?? []),
  ];
  const server = createServer(
    { keepAlive: true },
    createRequestHandler({
      operations,
      tokens: {
        clients,
        audience: options.audience ?? DEFAULT_AUDIENCE,
        lifetimeS: tokenLifetimeS,
        now: () => clock.now(),
        tokens: () => store.state.tokens,
      },
      faults,
      control,
      log: (entry) => {
        // Bounded, so a sandbox left running for days does not grow without limit.
        if (requests.push(entry) > MAX_RECORDED_REQUESTS) requests.shift();
      },
    }),
  );
  const origin = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  baseUrl = `${origin}${API_PREFIX}`;
  const tokenUrl = `${origin}${TOKEN_PATH}`;
  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    tokenUrl,
    controlUrl: `${origin}${CONTROL_PREFIX}`,
    clientId,
    clientSecret,
    env: {
      CIVIC_API_BASE_URL: baseUrl,
      CIVIC_TOKEN_URL: tokenUrl,
      CIVIC_CLIENT_ID: clientId,
      CIVIC_CLIENT_SECRET: clientSecret,
    },
    clock: {
      get frozen() {
        return clock.frozen;
      },
      now: () => clock.now(),
      // Saved like any other change, so a restart from the data file keeps the time.
      advance: (ms) => store.change(() => clock.advance(ms)),
    },
    faults,
    get requests() {
      return requests;
    },
    startupMs: performance.now() - started,
    addPii,
    reset,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
