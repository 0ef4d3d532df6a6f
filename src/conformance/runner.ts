import {
  API_TITLE,
  API_VERSION,
  CHAINS,
  OPERATIONS,
  type OperationId,
  type PII_DECISION_VALUES,
} from '../../generated/api.js';
import type { operations } from '../../generated/openapi.js';
import { createCivicPassClient } from '../index.js';
import { type Expectation, evaluate } from './evaluate.js';
import { exampleParams, pathParameterPattern } from './examples.js';
import { type Exchange, recordingFetch, toExchange } from './exchange.js';
import { createResponseValidator, mediaType, type ResponseValidator } from './schemas.js';

type Chain = keyof typeof CHAINS;
type ChainNetwork = (typeof CHAINS)[Chain]['networks'][number];
type PiiDecision = (typeof PII_DECISION_VALUES)[number];

/** The wallet the state-changing checks work on (`--wallet <chain>/<network>/<address>`). */
export interface ConformanceWallet {
  chain: Chain;
  chainNetwork: ChainNetwork;
  address: string;
}

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The server to check, e.g. `https://api.civic.com/partner`. */
  baseUrl: string;
  /** OAuth token endpoint; default the client's (`CIVIC_TOKEN_URL`, then Civic's). */
  tokenUrl?: string;
  /** Credentials; default `CIVIC_CLIENT_ID` / `CIVIC_CLIENT_SECRET`, as for the client. */
  clientId?: string;
  clientSecret?: string;
  audience?: string;
  clientAuthentication?: 'client_secret_post' | 'client_secret_basic';
  /**
   * Run the state-changing checks too (issue, freeze, unfreeze, expire, revoke, and a PII
   * decision when `piiDecision` is given). Needs `wallet`. Revocation cannot be undone.
   */
  allowWrites?: boolean;
  /** The wallet to read, and with `allowWrites` to issue a pass to and revoke it from. */
  wallet?: ConformanceWallet;
  /** A PII request to read (and, with `allowWrites` and `piiDecision`, to decide on). */
  scopeRequestId?: string;
  /** The decision to record on `scopeRequestId` (only with `allowWrites`). */
  piiDecision?: PiiDecision;
  /** Deadline of each request in milliseconds; default 30 000. */
  timeoutMs?: number;
  /** The `fetch` every request goes through; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Called after each check, for progress output. */
  onResult?: (result: CheckResult) => void;
}

/** How one check ended. */
export type CheckOutcome = 'passed' | 'failed' | 'skipped';

/** The result of one check: one request, judged against the spec. */
export interface CheckResult {
  operationId: OperationId;
  /** What was checked, e.g. `getPass without a token answers 401`. */
  name: string;
  method: string;
  /** The path requested (templates filled in), relative to the base URL. */
  path: string;
  outcome: CheckOutcome;
  /** The status the server answered, when it answered. */
  status?: number;
  contentType?: string | null;
  /** What does not conform; empty unless `outcome` is `failed`. */
  violations: string[];
  /** Why the check was skipped. */
  reason?: string;
  durationMs: number;
}

/** Everything {@link runConformance} found. */
export interface ConformanceReport {
  baseUrl: string;
  spec: string;
  results: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
  /** Operations at least one check exercised, and all the spec's operations. */
  operationsChecked: OperationId[];
  operationsTotal: number;
  durationMs: number;
  /** True when no check failed: the exit code is 0 exactly then. */
  ok: boolean;
}

type Raw = ReturnType<typeof createCivicPassClient>['raw'];
type Body<Id extends keyof operations> = operations[Id] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : operations[Id] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;

interface Context {
  raw: Raw;
  plainFetch: typeof fetch;
  baseUrl: string;
  timeoutMs: number;
  take(): Promise<Exchange | undefined>;
  /** A pass the server already holds (the first one `listPass` returned), to read it back. */
  knownPass?: ConformanceWallet;
  /** The evidence links of the PII request, as `getPii` returned them. */
  evidenceRels?: string[];
}

interface Check {
  operationId: OperationId;
  name: string;
  params: Record<string, string>;
  expect: Expectation;
  /** Why it cannot run (a missing option); computed when its turn comes. */
  skip?: (ctx: Context) => string | undefined;
  /** Sends the request through the client (authenticated) or plain fetch (no token). */
  send(ctx: Context): Promise<Exchange | undefined>;
  after?(exchange: Exchange, ctx: Context): void;
}

const byId = new Map(OPERATIONS.map((op) => [op.operationId, op]));
const operation = (id: OperationId) => byId.get(id) as (typeof OPERATIONS)[number];

function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for the path parameter {${name}}`);
    return encodeURIComponent(value);
  });
}

function passParams(wallet: ConformanceWallet): Record<string, string> {
  return { chain: wallet.chain, chainNetwork: wallet.chainNetwork, wallet: wallet.address };
}

/** Reads a chain/network/address triple from a pass record, if it is one the spec allows. */
function walletOf(record: unknown): ConformanceWallet | undefined {
  const r = record as { chain?: { type?: unknown; network?: unknown }; walletAddress?: unknown };
  const chain = r?.chain?.type;
  const network = r?.chain?.network;
  if (typeof chain !== 'string' || !(chain in CHAINS)) return undefined;
  const networks: readonly string[] = CHAINS[chain as Chain].networks;
  if (typeof network !== 'string' || !networks.includes(network)) return undefined;
  // Only a wallet the path accepts can be read back (the Pass schema does not constrain it).
  const pattern = CHAINS[chain as Chain].walletPattern;
  if (typeof r.walletAddress !== 'string' || !new RegExp(pattern, 'u').test(r.walletAddress)) {
    return undefined;
  }
  return {
    chain: chain as Chain,
    chainNetwork: network as ChainNetwork,
    address: r.walletAddress,
  };
}

const WRITES_NEEDED = 'changes state: run with --allow-writes --wallet <chain>/<network>/<address>';

/** The checks, in the order they run: reads first, then (when allowed) the writes. */
function plan(options: ConformanceOptions): Check[] {
  const examples = exampleParams();
  const writes = options.allowWrites === true && options.wallet !== undefined;
  const exampleWallet: ConformanceWallet = {
    chain: examples.chain as Chain,
    chainNetwork: examples.chainNetwork as ChainNetwork,
    address: examples.wallet ?? '',
  };
  const readWallet = (ctx: Context) => options.wallet ?? ctx.knownPass ?? exampleWallet;
  const scopeRequestId = options.scopeRequestId ?? examples.scopeRequestId ?? '';
  const writeSkip = () => (writes ? undefined : WRITES_NEEDED);
  const checks: Check[] = [];

  /** A request the client makes, with its token, through `raw`. */
  const authenticated = (
    operationId: OperationId,
    name: string,
    params: (ctx: Context) => Record<string, string>,
    statuses: number[],
    call: (raw: Raw, params: Record<string, string>) => Promise<unknown>,
    extra: Pick<Check, 'skip' | 'after'> = {},
  ) => {
    const check: Check = {
      operationId,
      name,
      params: {},
      expect: { statuses, validRequest: true },
      async send(ctx) {
        check.params = params(ctx);
        let failure: unknown;
        try {
          await call(ctx.raw, check.params);
        } catch (error) {
          failure = error;
        }
        // When an answer came, it is judged as recorded, whatever the client made of it (a
        // parse error, say); when none came, the client's error says why.
        const exchange = await ctx.take();
        if (!exchange && failure !== undefined) throw failure;
        return exchange;
      },
      ...extra,
    };
    checks.push(check);
  };

  /** The same operation without a token: a secured operation must answer 401. */
  const unauthenticated = (
    operationId: OperationId,
    params: () => Record<string, string>,
    body: unknown,
    skip?: () => string | undefined,
  ) => {
    const op = operation(operationId);
    const check: Check = {
      operationId,
      name: `${operationId} without a token answers 401`,
      params: params(),
      expect: { statuses: [401], validRequest: false },
      async send(ctx) {
        const url = `${ctx.baseUrl}${fillPath(op.path, check.params)}`;
        const init: RequestInit = { method: op.method, signal: AbortSignal.timeout(ctx.timeoutMs) };
        if (body !== undefined) {
          init.body = JSON.stringify(body);
          init.headers = { 'content-type': 'application/json' };
        }
        const response = await ctx.plainFetch(url, init);
        return toExchange({ method: op.method, url, authorized: false }, response);
      },
      ...(skip && { skip }),
    };
    if (op.scopes !== null) checks.push(check);
  };

  // Reads.
  authenticated(
    'listPass',
    'listPass answers a page of passes',
    () => ({}),
    [200],
    (raw) => raw.POST('/pass', { body: { limit: 5, skip: 0 }, parseAs: 'text' }),
    {
      after(exchange, ctx) {
        if (exchange.status !== 200) return;
        try {
          const page = JSON.parse(new TextDecoder().decode(exchange.body)) as {
            records?: unknown[];
          };
          const known = walletOf(page.records?.[0]);
          if (known) ctx.knownPass = known;
        } catch {
          // Already reported by the check itself.
        }
      },
    },
  );
  authenticated(
    'getPass',
    'getPass answers the pass, or 404 when there is none',
    (ctx) => passParams(readWallet(ctx)),
    [200, 404],
    // Runs after listPass: reads the pass it returned, if any, for a 200 with a full body.
    (raw, p) => raw.GET('/pass/{chain}/{chainNetwork}/{wallet}', passRequest(p)),
  );
  authenticated(
    'getPii',
    'getPii answers the PII request',
    () => ({ scopeRequestId }),
    [200],
    (raw) =>
      raw.GET('/piirequest/{scopeRequestId}', {
        params: { path: { scopeRequestId } },
        parseAs: 'text',
      }),
    {
      skip: () =>
        options.scopeRequestId ? undefined : 'needs the id of a PII request: --scope-request-id',
      after(exchange, ctx) {
        if (exchange.status !== 200) return;
        try {
          const pii = JSON.parse(new TextDecoder().decode(exchange.body)) as {
            links?: { rel?: unknown }[];
          };
          // Only a rel the evidence path accepts can be fetched; `self` links the request.
          const usable = pathParameterPattern('rel') ?? /^[^/]+$/;
          ctx.evidenceRels = (pii.links ?? [])
            .map((link) => link.rel)
            .filter(
              (rel): rel is string => typeof rel === 'string' && rel !== 'self' && usable.test(rel),
            );
        } catch {
          // Already reported by the check itself.
        }
      },
    },
  );
  authenticated(
    'getPiiEvidence',
    'getPiiEvidence answers the file of the first evidence link',
    (ctx) => ({ scopeRequestId, rel: ctx.evidenceRels?.[0] ?? '' }),
    [200],
    (raw, p) =>
      raw.GET('/piirequest/{scopeRequestId}/evidence/{rel}', {
        params: { path: { scopeRequestId, rel: p.rel ?? '' } },
        parseAs: 'text',
      }),
    {
      skip: (ctx) => {
        if (!options.scopeRequestId) return 'needs the id of a PII request: --scope-request-id';
        if (!ctx.evidenceRels) return 'getPii gave no links to follow';
        if (ctx.evidenceRels.length === 0) {
          return 'the PII request links no evidence whose rel the evidence path accepts';
        }
        return undefined;
      },
    },
  );
  unauthenticated('listPass', () => ({}), { limit: 1, skip: 0 } satisfies Body<'listPass'>);
  unauthenticated('getPass', () => passParams(options.wallet ?? exampleWallet), undefined);
  unauthenticated('getPii', () => ({ scopeRequestId }), undefined);
  unauthenticated(
    'getPiiEvidence',
    () => ({ scopeRequestId, rel: examples.rel ?? 'self' }),
    undefined,
  );

  // Writes, on the given wallet: first the requests without a token (they must change nothing),
  // then issue, read back, freeze, unfreeze, expire and, last because it cannot be undone, revoke.
  const wallet = options.wallet ?? exampleWallet;
  unauthenticated(
    'issuePass',
    () => ({ chain: wallet.chain, chainNetwork: wallet.chainNetwork }),
    { walletAddress: wallet.address } satisfies Body<'issuePass'>,
    writeSkip,
  );
  unauthenticated(
    'patchPass',
    () => passParams(wallet),
    { state: 'FROZEN' } satisfies Body<'patchPass'>,
    writeSkip,
  );
  unauthenticated('deletePass', () => passParams(wallet), undefined, writeSkip);
  unauthenticated(
    'updatePiiReceipt',
    () => ({ scopeRequestId }),
    { status: 'partner-fail' } satisfies Body<'updatePiiReceipt'>,
    writeSkip,
  );
  const pathParams = passRequest(passParams(wallet));
  authenticated(
    'issuePass',
    'issuePass accepts the issuance (202)',
    () => ({ chain: wallet.chain, chainNetwork: wallet.chainNetwork }),
    [202],
    (raw) =>
      raw.POST('/pass/{chain}/{chainNetwork}', {
        params: { path: { chain: wallet.chain, chainNetwork: wallet.chainNetwork } },
        body: { walletAddress: wallet.address },
        parseAs: 'text',
      }),
    { skip: writeSkip },
  );
  authenticated(
    'getPass',
    'getPass reads the issued pass back (or 404 while the chain confirms it)',
    () => passParams(wallet),
    [200, 404],
    (raw) => raw.GET('/pass/{chain}/{chainNetwork}/{wallet}', pathParams),
    { skip: writeSkip },
  );
  const patch = (name: string, body: Body<'patchPass'>) =>
    authenticated(
      'patchPass',
      name,
      () => passParams(wallet),
      [200],
      (raw) => raw.PATCH('/pass/{chain}/{chainNetwork}/{wallet}', { ...pathParams, body }),
      { skip: writeSkip },
    );
  patch('patchPass freezes the pass', { state: 'FROZEN' });
  patch('patchPass unfreezes the pass', { state: 'ACTIVE' });
  patch('patchPass sets the expiry a minute ahead', {
    expiryTimestamp: Math.floor(Date.now() / 1000) + 60,
  });
  authenticated(
    'deletePass',
    'deletePass revokes the pass (irreversible)',
    () => passParams(wallet),
    [200],
    (raw) => raw.DELETE('/pass/{chain}/{chainNetwork}/{wallet}', pathParams),
    { skip: writeSkip },
  );
  const decision = options.piiDecision ?? 'partner-fail';
  authenticated(
    'updatePiiReceipt',
    `updatePiiReceipt records the decision ${decision}`,
    () => ({ scopeRequestId }),
    [200],
    (raw) =>
      raw.PUT('/piirequest/{scopeRequestId}/status', {
        params: { path: { scopeRequestId } },
        body: { status: decision },
        parseAs: 'text',
      }),
    {
      skip: () => {
        if (!options.allowWrites) return WRITES_NEEDED;
        if (!options.scopeRequestId || !options.piiDecision) {
          return 'records a decision on real data: needs --scope-request-id and --pii-decision';
        }
        return undefined;
      },
    },
  );
  return checks;
}

/** The path parameters of a pass operation, as `raw` types them. */
function passRequest(params: Record<string, string>) {
  const path = {
    chain: params.chain as Chain,
    chainNetwork: params.chainNetwork as ChainNetwork,
    wallet: params.wallet ?? '',
  };
  return { params: { path }, parseAs: 'text' } as const;
}

/**
 * Checks that a server answers as `spec/customer_api.yaml` says: for each operation, documented
 * statuses, content types, and bodies that validate against their schemas (enums, required
 * fields, types); a secured operation called without a token must answer 401; an undocumented
 * answer (501 included) is a failure. Read-only by default; the state-changing checks run only
 * with `allowWrites` on `wallet`, and end by revoking its pass, which cannot be undone.
 *
 * Requests go through the client (`raw`, no retries) so that authentication is the client's own,
 * and a recording `fetch` keeps each answer exactly as sent.
 *
 * @example
 * const report = await runConformance({ baseUrl: 'https://staging.example.com/partner' });
 * console.log(formatReport(report));
 * process.exitCode = report.ok ? 0 : 1;
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  if (options.allowWrites && !options.wallet) {
    throw new TypeError('allowWrites needs a wallet to issue a pass to and revoke');
  }
  const started = performance.now();
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const responses: ResponseValidator = await createResponseValidator();
  const plainFetch = options.fetch ?? globalThis.fetch;
  const recorder = recordingFetch(baseUrl, plainFetch);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const civic = createCivicPassClient({
    baseUrl,
    maxRetries: 0, // a retry would hide the answer being judged
    timeoutMs,
    fetch: recorder.fetch,
    ...(options.tokenUrl !== undefined && { tokenUrl: options.tokenUrl }),
    ...(options.clientId !== undefined && { clientId: options.clientId }),
    ...(options.clientSecret !== undefined && { clientSecret: options.clientSecret }),
    ...(options.audience !== undefined && { audience: options.audience }),
    ...(options.clientAuthentication !== undefined && {
      clientAuthentication: options.clientAuthentication,
    }),
  });
  const ctx: Context = { raw: civic.raw, plainFetch, baseUrl, timeoutMs, take: recorder.take };
  const results: CheckResult[] = [];

  for (const check of plan(options)) {
    const op = operation(check.operationId);
    const checkStarted = performance.now();
    const reason = check.skip?.(ctx);
    const result: CheckResult = {
      operationId: check.operationId,
      name: check.name,
      method: op.method,
      path: op.path,
      outcome: 'skipped',
      violations: [],
      durationMs: 0,
    };
    if (reason !== undefined) {
      result.reason = reason;
    } else {
      let exchange: Exchange | undefined;
      try {
        exchange = await check.send(ctx);
      } catch (error) {
        result.violations.push(`no answer: ${describeError(error)}`);
      }
      result.path = safeFill(op.path, check.params);
      if (exchange) {
        result.status = exchange.status;
        result.contentType = mediaType(exchange.headers.get('content-type'));
        result.violations.push(...evaluate(exchange, op, check.expect, responses));
        check.after?.(exchange, ctx);
      } else if (result.violations.length === 0) {
        result.violations.push('no answer: the client sent no request (see the error above)');
      }
      result.outcome = result.violations.length === 0 ? 'passed' : 'failed';
    }
    result.durationMs = Math.round(performance.now() - checkStarted);
    results.push(result);
    options.onResult?.(result);
  }

  // An operation of the spec that no check exercises cannot be vouched for: that is a failure,
  // not a silent gap (it happens when the spec gains an operation before the runner knows it).
  const planned = new Set(results.map((r) => r.operationId));
  for (const op of OPERATIONS) {
    if (planned.has(op.operationId)) continue;
    const result: CheckResult = {
      operationId: op.operationId,
      name: `${op.operationId} has a conformance check`,
      method: op.method,
      path: op.path,
      outcome: 'failed',
      violations: [`the runner has no check for ${op.operationId}: update src/conformance`],
      durationMs: 0,
    };
    results.push(result);
    options.onResult?.(result);
  }

  const count = (outcome: CheckOutcome) => results.filter((r) => r.outcome === outcome).length;
  const checked = new Set(results.filter((r) => r.outcome !== 'skipped').map((r) => r.operationId));
  return {
    baseUrl,
    spec: `${API_TITLE} ${API_VERSION}`,
    results,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    operationsChecked: OPERATIONS.map((op) => op.operationId).filter((id) => checked.has(id)),
    operationsTotal: OPERATIONS.length,
    durationMs: Math.round(performance.now() - started),
    ok: count('failed') === 0,
  };
}

function safeFill(template: string, params: Record<string, string>): string {
  try {
    return fillPath(template, params);
  } catch {
    return template;
  }
}

/** The error's class and message: the client's errors never carry secrets or tokens. */
function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}
