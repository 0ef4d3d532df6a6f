/**
 * The runner's options against the sandbox: a seed repeats the generated inputs, the total time
 * budget stops a run with a failure, a refused second client authentication method is a warning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE } from '../../generated/api.js';
import { runConformance } from '../../src/conformance/index.js';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { jsonAnswer, startDefectProxy } from '../support/defect-proxy.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ confirmationDelayMs: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

const wallet = {
  chain: 'ethereum',
  chainNetwork: 'sepolia',
  address: `0x${'5'.repeat(40)}`,
} as const;
const options = () => ({
  baseUrl: sandbox.baseUrl,
  tokenUrl: sandbox.tokenUrl,
  clientId: sandbox.clientId,
  clientSecret: sandbox.clientSecret,
  settleTimeoutMs: 300,
});

describe('--seed', () => {
  it('repeats the generated requests exactly; another seed changes them', async () => {
    const sent = async (seed: number) => {
      sandbox.reset();
      await runConformance({
        ...options(),
        only: ['negative.valid-inputs', 'auth.unknown-token'],
        seed,
      });
      return sandbox.requests.map((r) => `${r.method} ${r.path}`);
    };
    const first = await sent(5);
    expect(first.length).toBeGreaterThan(8);
    expect(await sent(5)).toEqual(first);
    expect(await sent(6)).not.toEqual(first);
  });
});

describe('--max-total-time', () => {
  it('stops the run with a budget.total-time failure', async () => {
    sandbox.reset();
    const report = await runConformance({
      ...options(),
      allowWrites: true,
      wallet,
      seed: 1,
      maxTotalTimeMs: 1,
    });
    const budget = report.results.filter((r) => r.id === 'budget.total-time');
    expect(budget).toHaveLength(1);
    expect(budget[0]?.violations[0]).toMatch(
      /^budget\.total-time: the run took over 0\.001 s; the checks from \S+ on were not run$/,
    );
    expect(report.ok).toBe(false);
    // It is the last result: nothing ran after it.
    expect(report.results.at(-1)?.id).toBe('budget.total-time');
    expect(report.results.some((r) => r.id.startsWith('listing.'))).toBe(false);
  });
});

describe('the other client authentication method', () => {
  it('refused: a warning, and the run still conforms', async () => {
    const origin = new URL(sandbox.baseUrl).origin;
    const proxy = await startDefectProxy(
      origin,
      {
        request: (r) =>
          r.url === '/oauth/token' && r.headers.authorization?.startsWith('Basic ')
            ? jsonAnswer(401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic' })
            : undefined,
      },
      {
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
        audience: DEFAULT_AUDIENCE,
      },
    );
    try {
      const report = await runConformance({
        ...options(),
        baseUrl: `${proxy.url}/partner`,
        tokenUrl: `${proxy.url}/oauth/token`,
        only: ['auth.token-method'],
      });
      expect(report.results.map((r) => [r.id, r.outcome])).toEqual([
        ['auth.token-method', 'warned'],
      ]);
      expect(report.results[0]?.violations).toEqual([
        'the token endpoint refused client_secret_basic: 401 invalid_client',
      ]);
      expect(report.ok).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
