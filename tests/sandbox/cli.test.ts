/**
 * `civic-pass sandbox`: prints the CIVIC_* lines `npm run mock` prints, serves until
 * interrupted (the real client works against what it printed), refuses a bad port with exit 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/program.js';
import { clientOf } from './support.js';

function context(whileRunning: (stdout: string) => Promise<void> = async () => {}) {
  const out = { stdout: '', stderr: '' };
  const ctx: CliContext = {
    stdout: { write: (chunk) => (out.stdout += String(chunk)) },
    stderr: { write: (chunk) => (out.stderr += String(chunk)) },
    stdinIsTTY: false,
    env: {},
    createClient: () => {
      throw new Error('the sandbox command makes no client');
    },
    confirm: async () => false,
    now: () => Date.now(),
    startMock: () => Promise.reject(new Error('the sandbox command does not start Prism')),
    untilInterrupted: async () => {
      await whileRunning(out.stdout);
      return 'SIGINT';
    },
  };
  return { ctx, out };
}

describe('civic-pass sandbox', () => {
  it('prints the environment of the sandbox, which serves the client until Ctrl-C', async () => {
    let state = '';
    const { ctx, out } = context(async (printed) => {
      const env = Object.fromEntries(
        [...printed.matchAll(/^ {2}export (CIVIC_\w+)=(.+)$/gm)].map((m) => [m[1], m[2]]),
      );
      const civic = clientOf(env);
      const ref = {
        chain: 'solana',
        chainNetwork: 'devnet',
        wallet: '7Bq2Ecz7CoW3vtTqjeYWJDa9RQ8vWqGRTaS9Ym1aLx6H',
      } as const;
      state = (await civic.passes.issue(ref)).state;
      expect((await civic.pii.get('9a7a77af-a58e-4e54-83c9-5daa96ccbf11')).status).toBe(
        'verification-success',
      );
    });
    expect(await runCli(['sandbox', '--seed', '3'], ctx)).toBe(0);
    expect(state).toBe('REQUESTED');
    const exports = out.stdout.match(/^ {2}export CIVIC_\w+=/gm);
    expect(exports).toEqual([
      '  export CIVIC_API_BASE_URL=',
      '  export CIVIC_TOKEN_URL=',
      '  export CIVIC_CLIENT_ID=',
      '  export CIVIC_CLIENT_SECRET=',
    ]);
    expect(out.stdout).toMatch(
      /^sandbox of the Civic Pass API on http:\/\/127\.0\.0\.1:\d+\/partner/,
    );
    expect(out.stderr).toBe('sandbox stopped\n');
  });

  it('refuses a port that is not a number, and a data file that is not its own, with exit 2', async () => {
    const bad = context();
    expect(await runCli(['sandbox', '--port', 'http'], bad.ctx)).toBe(2);
    expect(bad.out.stderr).toMatch(/--port/);

    const dir = mkdtempSync(join(tmpdir(), 'civic-sandbox-cli-'));
    try {
      const file = join(dir, 'notes.json');
      writeFileSync(file, '[1, 2]');
      const foreign = context();
      expect(await runCli(['sandbox', '--data', file], foreign.ctx)).toBe(2);
      expect(foreign.out.stderr).toMatch(/not a sandbox data file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
