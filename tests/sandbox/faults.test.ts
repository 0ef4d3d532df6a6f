/**
 * Faults on demand: off by default, deterministic by seed, for a share of requests or named
 * operations, and a faulted request changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { apiCaller, evmWallet, passApi, token } from './support.js';

const open: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function client(options: Parameters<typeof startSandbox>[0] = {}) {
  const sandbox = await startSandbox({ clock: { frozen: true }, ...options });
  open.push(sandbox);
  const bearer = await token(sandbox, sandbox.clientId, sandbox.clientSecret);
  const api = apiCaller(sandbox, () => bearer);
  return { sandbox, api, passes: passApi(api.call) };
}

/** The statuses of 30 getPass calls. */
async function statuses(passes: ReturnType<typeof passApi>) {
  const seen: number[] = [];
  for (let i = 0; i < 30; i++)
    seen.push((await passes.get('ethereum', 'sepolia', evmWallet(i))).status);
  return seen;
}

describe('faults', () => {
  it('are off by default', async () => {
    const { passes } = await client();
    expect(new Set(await statuses(passes))).toEqual(new Set([404]));
  });

  it('hit the same requests for the same seed, other requests for another seed', async () => {
    const rules = [{ kind: 'error' as const, rate: 0.3, status: 500 as const }];
    const runs: number[][] = [];
    for (const seed of [7, 7, 8]) {
      const { passes } = await client({ faults: { rules, seed } });
      runs.push(await statuses(passes));
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).not.toEqual(runs[2]);
    const hits = runs[0]?.filter((s) => s === 500).length ?? 0;
    expect(hits).toBeGreaterThan(2);
    expect(hits).toBeLessThan(20);
  });

  it('rate-limits a named operation with Retry-After, and the faulted request changes nothing', async () => {
    const { sandbox, passes } = await client();
    sandbox.faults.set({
      rules: [{ kind: 'rate-limit', operations: ['issuePass'], times: 1, retryAfterS: 2 }],
    });
    const limited = await passes.issue('ethereum', 'sepolia', { walletAddress: evmWallet(1) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect((await passes.list()).body.records).toEqual([]);
    expect(
      (await passes.issue('ethereum', 'sepolia', { walletAddress: evmWallet(1) })).status,
    ).toBe(202);
    expect(sandbox.faults.rules[0]?.times).toBe(0);
  });

  it('answers 503 or 500, and resets connections, through the control API too', async () => {
    const { sandbox, passes } = await client();
    const put = (body: unknown) =>
      fetch(`${sandbox.controlUrl}/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await put({ rules: [{ kind: 'error', status: 502 }] })).status).toBe(400);
    expect((await put({ rules: [{ kind: 'error', operations: ['listPass'] }] })).status).toBe(200);
    const unavailable = await passes.list();
    expect(unavailable).toMatchObject({ status: 503, body: { code: 'UNAVAILABLE' } });

    expect((await put({ rules: [{ kind: 'reset', operations: ['getPass'] }] })).status).toBe(200);
    const before = sandbox.requests.length;
    await expect(passes.get('ethereum', 'sepolia', evmWallet(1))).rejects.toThrow();
    expect(sandbox.requests.slice(before)).toMatchObject([{ operation: 'getPass', status: 0 }]);

    await fetch(`${sandbox.controlUrl}/faults`, { method: 'DELETE' });
    expect((await passes.get('ethereum', 'sepolia', evmWallet(1))).status).toBe(404);
  });

  it('hold requests for the latency asked, on named operations or the token endpoint', () => {
    return client().then(({ sandbox }) => {
      sandbox.faults.set({
        rules: [
          { kind: 'latency', latencyMs: 250, operations: ['token'] },
          { kind: 'latency', latencyMs: 40 },
        ],
      });
      expect(sandbox.faults.decide('token')).toEqual({ delayMs: 250 });
      expect(sandbox.faults.decide('getPass')).toEqual({ delayMs: 40 });
    });
  });
});
