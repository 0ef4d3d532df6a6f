import { describe, expect, it } from 'vitest';
import { cliHarness } from '../../support/cli.js';
import { EVM_WALLET, passBody } from '../../support/fake-api.js';

describe('civic-pass passes issue --wait', () => {
  it('issues once and prints the pass once it is ACTIVE', async () => {
    const cli = cliHarness({
      api: (request) =>
        request.method === 'POST'
          ? Response.json(passBody({ state: 'REQUESTED' }), { status: 202 })
          : Response.json(passBody({ state: 'ACTIVE' })),
    });
    expect(
      await cli.run('passes', 'issue', 'ethereum/sepolia', EVM_WALLET, '--wait', '--json'),
    ).toBe(0);
    expect(JSON.parse(cli.stdout.text).state).toBe('ACTIVE');
    expect(cli.apiCalls()).toEqual([
      `POST /partner/pass/ethereum/sepolia {"walletAddress":"${EVM_WALLET}"}`,
      `GET /partner/pass/ethereum/sepolia/${EVM_WALLET}`,
    ]);
  });

  it('exits 1 at once when the pass turns out REVOKED', async () => {
    const cli = cliHarness({
      api: (request) =>
        request.method === 'POST'
          ? Response.json({ code: 'PASS_EXISTS', message: 'exists' }, { status: 409 })
          : Response.json(passBody({ state: 'REVOKED' })),
    });
    expect(await cli.run('passes', 'issue', 'ethereum/sepolia', EVM_WALLET, '--wait')).toBe(1);
    expect(cli.stderr.text).toMatch(
      /^civic-pass: UnreachableStateError: .* is REVOKED: it can never become ACTIVE/,
    );
    expect(cli.fake.apiRequests()).toHaveLength(2);
  });

  it('refuses --wait-timeout without --wait', async () => {
    const cli = cliHarness();
    expect(
      await cli.run('passes', 'issue', 'ethereum/sepolia', EVM_WALLET, '--wait-timeout', '5'),
    ).toBe(2);
    expect(cli.fake.seen).toHaveLength(0);
  });
});
