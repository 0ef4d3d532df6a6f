/**
 * The state machine of DECISIONS.md, cell by cell, over HTTP: each action from each state, its
 * status and code, and whether it appended an event. The table is written out here as the
 * decision states it, independently of the sandbox's own table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { apiCaller, evmWallet, passApi, token } from './support.js';

type Action = 'freeze' | 'unfreeze' | 'expiry' | 'revoke' | 'issue';
type Cell = [status: number, code: string | null, appendsEvent: boolean];

const ok: Cell = [200, null, true];
const noop: Cell = [200, null, false];
const invalid: Cell = [409, 'INVALID_STATE_TRANSITION', false];
const revoked: Cell = [409, 'PASS_REVOKED', false];
const exists: Cell = [409, 'PASS_EXISTS', false];
const missing: Cell = [404, 'PASS_NOT_FOUND', false];

const TABLE: Record<string, Record<Action, Cell>> = {
  REQUESTED: { freeze: invalid, unfreeze: invalid, expiry: invalid, revoke: ok, issue: exists },
  ACTIVE: { freeze: ok, unfreeze: noop, expiry: ok, revoke: ok, issue: exists },
  FROZEN: { freeze: noop, unfreeze: ok, expiry: ok, revoke: ok, issue: exists },
  REVOKED: { freeze: revoked, unfreeze: revoked, expiry: revoked, revoke: revoked, issue: revoked },
  none: {
    freeze: missing,
    unfreeze: missing,
    expiry: missing,
    revoke: missing,
    issue: [202, null, true],
  },
};

let sandbox: Sandbox;
let passes: ReturnType<typeof passApi>;

beforeAll(async () => {
  sandbox = await startSandbox({ clock: { frozen: true } });
  const bearer = await token(sandbox, sandbox.clientId, sandbox.clientSecret);
  passes = passApi(apiCaller(sandbox, () => bearer).call);
});
afterAll(() => sandbox.close());

/** A pass in `state` (settled), on its own wallet. */
async function passIn(state: string, wallet: string) {
  if (state === 'none') return;
  await passes.issue('ethereum', 'sepolia', { walletAddress: wallet });
  if (state === 'REQUESTED') return;
  sandbox.clock.advance(2_000);
  if (state === 'FROZEN') await passes.patch('ethereum', 'sepolia', wallet, { state: 'FROZEN' });
  if (state === 'REVOKED') await passes.revoke('ethereum', 'sepolia', wallet);
  sandbox.clock.advance(2_000);
}

function act(action: Action, wallet: string) {
  switch (action) {
    case 'freeze':
      return passes.patch('ethereum', 'sepolia', wallet, { state: 'FROZEN' });
    case 'unfreeze':
      return passes.patch('ethereum', 'sepolia', wallet, { state: 'ACTIVE' });
    case 'expiry':
      return passes.patch('ethereum', 'sepolia', wallet, { expiryTimestamp: 2_000_000_000 });
    case 'revoke':
      return passes.revoke('ethereum', 'sepolia', wallet);
    case 'issue':
      return passes.issue('ethereum', 'sepolia', { walletAddress: wallet });
  }
}

describe('the pass state machine', () => {
  it('answers every cell of the table as DECISIONS.md states it', async () => {
    let n = 100;
    const seen: string[] = [];
    const expected: string[] = [];
    for (const [state, row] of Object.entries(TABLE)) {
      for (const [action, [status, code, appends]] of Object.entries(row) as [Action, Cell][]) {
        const wallet = evmWallet(n++);
        await passIn(state, wallet);
        const before = (await passes.get('ethereum', 'sepolia', wallet)).body?.events?.length ?? 0;
        const answer = await act(action, wallet);
        const after = (await passes.get('ethereum', 'sepolia', wallet)).body?.events?.length ?? 0;
        seen.push(
          `${state} ${action}: ${answer.status} ${answer.body?.code ?? '-'} ${after > before}`,
        );
        expected.push(`${state} ${action}: ${status} ${code ?? '-'} ${appends}`);
      }
    }
    expect(seen).toEqual(expected);
  });
});
