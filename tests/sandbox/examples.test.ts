/**
 * The examples run against the sandbox: the quickstart as users run it (`tsx`, URLs and
 * credentials from the environment the sandbox prints), and the lifecycle that `npm start` tells,
 * with the sandbox's clock moved on instead of waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lifecycle, type Step } from '../../examples/lifecycle.js';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { runExample } from '../support/run-example.js';
import { clientOf } from './support.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ pii: [{ id: 'review-me' }] });
});
afterAll(() => sandbox.close());

describe('examples on the sandbox', () => {
  it('quickstart.ts issues a pass to a wallet that has none', async () => {
    const { status, stdout, stderr } = await runExample('examples/quickstart.ts', {
      ...sandbox.env,
    });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe('0xEA5Ce8F9C81b681876DC713d33371c3E262A5888: issued, REQUESTED\n');
    const issued = sandbox.requests.filter((r) => r.operation === 'issuePass');
    expect(issued).toMatchObject([{ status: 202 }]);
  });

  it('lifecycle.ts tells the whole story: pending, active, frozen, expired, revoked, refused', async () => {
    const steps: Step[] = [];
    const civic = clientOf(sandbox.env);
    const ref = {
      chain: 'solana',
      chainNetwork: 'devnet',
      wallet: '7Bq2Ecz7CoW3vtTqjeYWJDa9RQ8vWqGRTaS9Ym1aLx6H',
    } as const;
    await lifecycle(civic, {
      ref,
      scopeRequestId: 'review-me',
      decision: 'approve',
      report: (step) => steps.push(step),
      advance: (ms) => {
        sandbox.clock.advance(ms);
      },
    });
    expect(steps.map((s) => s.step)).toEqual([
      'issue',
      'get',
      'freeze',
      'unfreeze',
      'expire',
      'expired',
      'list',
      'revoke',
      'reissue',
      'pii',
      'pii-decision',
    ]);
    const byName = Object.fromEntries(steps.map((s) => [s.step, s])) as any;
    expect(byName.issue.pass.state).toBe('REQUESTED');
    expect(byName.get.pass.state).toBe('ACTIVE');
    expect(byName.expired.pass.state).toBe('ACTIVE');
    expect(byName.expired.pass.expiryTimestamp * 1000).toBeLessThanOrEqual(sandbox.clock.now());
    expect(byName.list.records).toHaveLength(1);
    expect(byName.reissue).toMatchObject({ refused: true, reason: 'PASS_REVOKED' });
    expect((await civic.pii.get('review-me')).status).toBe('partner-pass');
  });
});
