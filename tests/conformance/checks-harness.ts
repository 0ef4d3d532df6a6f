/**
 * Runs the conformance runner against a fresh sandbox, through a defect proxy (no defect: the
 * sandbox as it is), for the checks-*.test.ts files. Each test calls it itself (StrykerJS counts
 * code run outside a test as covered by every test), and a run takes some tens of milliseconds.
 */
import { DEFAULT_AUDIENCE } from '../../generated/api.js';
import { Fixtures } from '../../src/conformance/checks/fixtures.js';
import { type Context, createContext, type Settings } from '../../src/conformance/context.js';
import {
  type CheckResult,
  type ConformanceOptions,
  type ConformanceReport,
  runConformance,
} from '../../src/conformance/index.js';
import { createRandom } from '../../src/conformance/random.js';
import { createResponseValidator } from '../../src/conformance/schemas.js';
import { obtainToken } from '../../src/conformance/token.js';
import {
  type Sandbox,
  type SandboxOptions,
  type SandboxRequest,
  startSandbox,
} from '../../src/testing/index.js';
import { type Defect, type ProxyRequest, startDefectProxy } from '../support/defect-proxy.js';

/** The lifecycle wallet of the runs. */
export const WALLET = {
  chain: 'ethereum',
  chainNetwork: 'sepolia',
  address: `0x${'c0ffee'.repeat(6)}c0ff`,
} as const;

/** A report, the requests the sandbox received, and what the proxy saw. */
export interface Run extends ConformanceReport {
  requests: readonly SandboxRequest[];
  /** Every request that reached the proxy, before the defect changed it. */
  seen: ProxyRequest[];
}

/**
 * Runs the runner with `options` (`only` at least) against a fresh sandbox behind `defect`.
 *
 * @example
 * const run = await runChecks({ only: ['lifecycle'], allowWrites: true, wallet: WALLET });
 */
export async function runChecks(
  options: Partial<ConformanceOptions>,
  defect: Defect = {},
  sandboxOptions: SandboxOptions = {},
  prepare?: (sandbox: Sandbox) => Promise<void>,
): Promise<Run> {
  const sandbox = await startSandbox({ confirmationDelayMs: 0, ...sandboxOptions });
  await prepare?.(sandbox);
  const seen: ProxyRequest[] = [];
  const proxy = await startDefectProxy(
    new URL(sandbox.baseUrl).origin,
    {
      request(r, state) {
        seen.push({ ...r, headers: { ...r.headers } });
        return defect.request?.(r, state);
      },
      ...(defect.answer ? { answer: defect.answer } : {}),
    },
    { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, audience: DEFAULT_AUDIENCE },
  );
  try {
    const report = await runConformance({
      baseUrl: `${proxy.url}/partner`,
      tokenUrl: `${proxy.url}/oauth/token`,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      settleTimeoutMs: 60,
      seed: 11,
      ...options,
    });
    return { ...report, requests: [...sandbox.requests], seen };
  } finally {
    await proxy.close();
    await sandbox.close();
  }
}

/** A result as `id operationId outcome`, and its violations. */
export const brief = (r: CheckResult) => [`${r.id} ${r.operationId} ${r.outcome}`, r.violations];

/** The results that did not pass, briefly. */
export const notPassed = (run: Run) => run.results.filter((r) => r.outcome !== 'passed').map(brief);

/** The one result of `id` on `operationId` (throws when there is not exactly one). */
export function resultOf(run: Run, id: string, operationId: string): CheckResult {
  const found = run.results.filter((r) => r.id === id && r.operationId === operationId);
  if (found.length !== 1) throw new Error(`${found.length} results ${id} ${operationId}`);
  return found[0] as CheckResult;
}

export { bodyOf, isList, isPassRead, rewrite } from '../support/defects.js';

/** The requests the proxy saw after the token request, as `METHOD url body`. */
export const sent = (run: Run) =>
  run.seen
    .filter((r) => r.url !== '/oauth/token')
    .map((r) => `${r.method} ${r.url} ${r.body}`.trim());

/**
 * Issues passes to `count` wallets of the sandbox (`0x…0001`, `0x…0002`, …) before a run.
 *
 * @example
 * await runChecks(options, {}, {}, issued(3));
 */
export const issued = (count: number) => async (sandbox: Sandbox) => {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: sandbox.clientId,
    client_secret: sandbox.clientSecret,
    audience: DEFAULT_AUDIENCE,
  });
  const answer = await fetch(sandbox.tokenUrl, { method: 'POST', body: form });
  const { access_token: token } = (await answer.json()) as { access_token: string };
  for (let n = 1; n <= count; n++) {
    const issue = await fetch(`${sandbox.baseUrl}/pass/ethereum/sepolia`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ walletAddress: `0x${n.toString(16).padStart(40, '0')}` }),
    });
    if (issue.status !== 202) throw new Error(`issuing ${n}: ${issue.status}`);
  }
};

/**
 * Runs one family function (e.g. `protocolChecks` with a document of the test's) against a
 * fresh sandbox behind `defect`, with a context built as the runner builds it.
 *
 * @example
 * const results = await runFamily((ctx, fixtures) => protocolChecks(ctx, fixtures, document));
 */
export async function runFamily(
  family: (ctx: Context, fixtures: Fixtures) => Promise<void>,
  options: { allowWrites?: boolean; defect?: Defect } = {},
): Promise<CheckResult[]> {
  const sandbox = await startSandbox({ confirmationDelayMs: 0 });
  const proxy = await startDefectProxy(new URL(sandbox.baseUrl).origin, options.defect ?? {}, {
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    audience: DEFAULT_AUDIENCE,
  });
  try {
    const token = await obtainToken(
      fetch,
      {
        tokenUrl: `${proxy.url}/oauth/token`,
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
        audience: DEFAULT_AUDIENCE,
        method: 'client_secret_post',
      },
      5000,
    );
    const results: CheckResult[] = [];
    const settings: Settings = {
      baseUrl: `${proxy.url}/partner`,
      allowWrites: options.allowWrites === true,
      timeoutMs: 5000,
      maxResponseTimeMs: 5000,
      maxTotalTimeMs: 60_000,
      settleTimeoutMs: 60,
      select: () => true,
    };
    const ctx = createContext(
      settings,
      token,
      createRandom(11),
      fetch,
      await createResponseValidator(),
      results,
      () => {},
    );
    await family(ctx, new Fixtures(WALLET, undefined));
    return results;
  } finally {
    await proxy.close();
    await sandbox.close();
  }
}
