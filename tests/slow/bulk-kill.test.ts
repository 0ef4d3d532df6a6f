/**
 * Bulk runs killed with SIGKILL at seeded random points and run again until they complete:
 * every wallet must have received exactly one acting request, as counted by the server.
 * `npm run test:slow`; the figures are printed for the record.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAndResume, seeded, wallets, writeCsv } from '../support/bulk-kill.js';
import { startPassServer } from '../support/pass-server.js';

const SEEDS = [1, 2, 3, 4, 5];
const WALLETS = 200;
const totals = { runs: 0, kills: 0, wallets: 0, notOnce: 0 };

afterAll(() => {
  console.log(
    `bulk kill/resume: ${totals.runs} runs, ${totals.kills} SIGKILLs, ${totals.wallets} wallets, ${totals.notOnce} not acted on exactly once`,
  );
});

describe('bulk runs killed with SIGKILL and resumed', () => {
  for (const action of ['issue', 'revoke'] as const) {
    it.each(SEEDS)(`${action}, seed %i: every wallet acted on exactly once`, async (seed) => {
      const dir = await mkdtemp(path.join(tmpdir(), 'bulk-kill-'));
      const server = await startPassServer({ delayMs: 3 });
      try {
        const list = wallets(WALLETS, seed * 10_000);
        if (action === 'revoke') {
          for (const w of list) server.passes.set(`ethereum/sepolia/${w}`, { state: 'ACTIVE' });
        }
        const file = path.join(dir, 'wallets.csv');
        await writeCsv(file, list);
        const figures = await killAndResume(server, {
          action,
          file,
          list,
          random: seeded(seed),
          maxKills: 4,
        });
        totals.runs += figures.runs;
        totals.kills += figures.kills;
        totals.wallets += list.length;
        totals.notOnce += figures.notOnce.length;
        expect(figures.kills).toBeGreaterThan(0);
        expect(figures.final.code).toBe(0);
        expect(figures.final.stdout).toBe(`${action}: ${WALLETS} of ${WALLETS} done, 0 failed\n`);
        expect(figures.notOnce).toEqual([]);
        const expected = action === 'issue' ? 'ACTIVE' : 'REVOKED';
        expect(
          list.filter((w) => server.passes.get(`ethereum/sepolia/${w}`)?.state !== expected),
        ).toEqual([]);
      } finally {
        await server.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});
