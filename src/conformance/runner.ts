import {
  API_TITLE,
  API_VERSION,
  DEFAULT_AUDIENCE,
  DEFAULT_BASE_URL,
  DEFAULT_TOKEN_URL,
  OPERATIONS,
  type OperationId,
} from '../../generated/api.js';
import { authChecks } from './checks/auth.js';
import { type ConformanceWallet, Fixtures } from './checks/fixtures.js';
import { lifecycleChecks } from './checks/lifecycle.js';
import { listingChecks } from './checks/listing.js';
import { negativeChecks } from './checks/negative.js';
import { protocolChecks } from './checks/protocol.js';
import { responseChecks } from './checks/response.js';
import {
  type CheckOutcome,
  type CheckResult,
  createContext,
  FAMILIES,
  type Settings,
} from './context.js';
import { createRandom } from './random.js';
import { createResponseValidator } from './schemas.js';
import { type ClientAuthentication, obtainToken, type TokenSettings } from './token.js';

export type { ConformanceWallet } from './checks/fixtures.js';
export type { CheckOutcome, CheckResult } from './context.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The server to check, e.g. `https://api.civic.com/partner`. */
  baseUrl: string;
  /** OAuth token endpoint; default `CIVIC_TOKEN_URL`, then Civic's (only for Civic's base URL). */
  tokenUrl?: string;
  /** Credentials; default `CIVIC_CLIENT_ID` / `CIVIC_CLIENT_SECRET`. */
  clientId?: string;
  clientSecret?: string;
  audience?: string;
  clientAuthentication?: ClientAuthentication;
  /**
   * Run the state-changing checks too (negative and auth checks of write operations,
   * lifecycle, listing). Needs `wallet`; its pass is revoked at the end, irreversibly.
   */
  allowWrites?: boolean;
  /** The wallet of the lifecycle checks; the listing checks use generated wallets on its chain and network. */
  wallet?: ConformanceWallet;
  /** A PII request to read (and, with `allowWrites` and `piiDecision`, to decide on). */
  scopeRequestId?: string;
  /** The decision to record on `scopeRequestId` (only with `allowWrites`). */
  piiDecision?: 'partner-pass' | 'partner-fail';
  /** Deadline of each request in milliseconds; default 30 000. */
  timeoutMs?: number;
  /** Each answer must arrive in full within this; default 5 000 ms. */
  maxResponseTimeMs?: number;
  /** The whole run must end within this; default 900 000 ms (15 minutes). */
  maxTotalTimeMs?: number;
  /** How long a change may take to show (chain confirmation, list indexing); default 120 000 ms. */
  settleTimeoutMs?: number;
  /** Run only these checks: a family (`auth`), or a check id (`auth.unknown-token`). */
  only?: readonly string[];
  /** Leave these checks out (same forms as `only`). */
  skip?: readonly string[];
  /** Seed of the generated inputs (wallets, tokens); default random. The report gives it. */
  seed?: number;
  /** The `fetch` every request goes through; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Called after each check, for progress output. */
  onResult?: (result: CheckResult) => void;
}

/** Everything {@link runConformance} found. */
export interface ConformanceReport {
  baseUrl: string;
  spec: string;
  /** The seed of the generated inputs: `--seed` repeats them. */
  seed: number;
  results: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
  warned: number;
  /** Operations at least one check exercised, and all the spec's operations. */
  operationsChecked: OperationId[];
  operationsTotal: number;
  durationMs: number;
  /** True when no check failed: the exit code is 0 exactly then. */
  ok: boolean;
}

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks a base or token URL: https, or http to this machine. */
function checkUrl(name: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`${name} is not a URL: "${text}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL.has(url.hostname))) {
    throw new TypeError(`${name} must use https: (http only for localhost), got ${url.origin}`);
  }
  return url;
}

/** Whether a check id is selected by `only`/`skip` (a family, an id, or an id prefix). */
function selector(only: readonly string[] | undefined, skip: readonly string[] | undefined) {
  const matches = (patterns: readonly string[], id: string) =>
    patterns.some(
      (p) =>
        p === id || id.startsWith(`${p}.`) || (p.endsWith('*') && id.startsWith(p.slice(0, -1))),
    );
  return (id: string) =>
    (only === undefined || only.length === 0 || matches(only, id)) && !(skip && matches(skip, id));
}

/**
 * Checks that a server answers as `spec/customer_api.yaml` (and the contract decisions it
 * records) says. Per-response checks judge every answer; the families (one file each under
 * `checks/`) are: response (each operation's basic read), auth, negative data, protocol, and with
 * `allowWrites`, lifecycle and listing. Gets its own token first: refused credentials reject with
 * a `CredentialsRefusedError` (nothing checked), never a failed check.
 *
 * @example
 * const report = await runConformance({ baseUrl: 'https://staging.example.com/partner', tokenUrl });
 * console.log(formatReport(report));
 * process.exitCode = report.ok ? 0 : 1;
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  if (options.allowWrites && !options.wallet) {
    throw new TypeError('allowWrites needs a wallet to issue a pass to and revoke');
  }
  const started = performance.now();
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const base = checkUrl('--base-url', baseUrl);
  const tokenUrl =
    options.tokenUrl ??
    process.env.CIVIC_TOKEN_URL ??
    (base.origin === new URL(DEFAULT_BASE_URL).origin ? DEFAULT_TOKEN_URL : undefined);
  if (tokenUrl === undefined) {
    throw new TypeError(
      `--token-url is needed for ${base.origin}: credentials go only to a token endpoint you chose`,
    );
  }
  checkUrl('--token-url', tokenUrl);
  const clientId = options.clientId ?? process.env.CIVIC_CLIENT_ID;
  const clientSecret = options.clientSecret ?? process.env.CIVIC_CLIENT_SECRET;
  if (!clientId || !clientSecret)
    throw new TypeError('set CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET to the client credentials');
  const tokenSettings: TokenSettings = {
    tokenUrl,
    clientId,
    clientSecret,
    audience: options.audience ?? DEFAULT_AUDIENCE,
    method: options.clientAuthentication ?? 'client_secret_post',
  };
  const fetchFn = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const responses = await createResponseValidator();
  const token = await obtainToken(fetchFn, tokenSettings, timeoutMs);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const settings: Settings = {
    baseUrl,
    allowWrites: options.allowWrites === true,
    timeoutMs,
    maxResponseTimeMs: options.maxResponseTimeMs ?? 5_000,
    maxTotalTimeMs: options.maxTotalTimeMs ?? 900_000,
    settleTimeoutMs: options.settleTimeoutMs ?? 120_000,
    select: selector(options.only, options.skip),
  };
  const results: CheckResult[] = [];
  const ctx = createContext(settings, token, createRandom(seed), fetchFn, responses, results, (r) =>
    options.onResult?.(r),
  );
  const fixtures = new Fixtures(options.wallet, options.scopeRequestId);

  await responseChecks(ctx, fixtures);
  await authChecks(ctx, fixtures, tokenSettings);
  await negativeChecks(ctx, fixtures);
  await protocolChecks(ctx, fixtures);
  await lifecycleChecks(
    ctx,
    fixtures,
    options.piiDecision === undefined ? {} : { decision: options.piiDecision },
  );
  await listingChecks(ctx, fixtures);

  // An operation no check exercises cannot be vouched for: a failure, not a silent gap (it
  // happens when the spec gains an operation before the runner knows it). Only on a full run
  // that was not stopped by the total time budget.
  const selecting = (options.only?.length ?? 0) + (options.skip?.length ?? 0) > 0;
  const stopped = results.some((r) => r.id === 'budget.total-time');
  const planned = new Set(results.map((r) => r.operationId));
  for (const op of selecting || stopped ? [] : OPERATIONS) {
    if (planned.has(op.operationId)) continue;
    const result: CheckResult = {
      id: 'response.coverage',
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
  const ran = results.filter((r) => r.outcome !== 'skipped');
  const checked = new Set(ran.map((r) => r.operationId));
  return {
    baseUrl,
    spec: `${API_TITLE} ${API_VERSION}`,
    seed,
    results,
    passed: count('passed'),
    failed: count('failed'),
    skipped: count('skipped'),
    warned: count('warned'),
    operationsChecked: OPERATIONS.map((op) => op.operationId).filter((id) => checked.has(id)),
    operationsTotal: OPERATIONS.length,
    durationMs: Math.round(performance.now() - started),
    ok: count('failed') === 0,
  };
}

/** The check families, in the order they run. */
export const CHECK_FAMILIES = FAMILIES;
