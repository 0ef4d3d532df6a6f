/**
 * The examples users copy, run as users run them (`tsx examples/…`, credentials and URLs from
 * the environment), against the Prism mock the globalSetup started. lifecycle.ts and
 * quickstart.ts change state, so they run against the sandbox (tests/sandbox/examples.test.ts).
 */
import { describe, expect, inject, it } from 'vitest';
import { runExample as run } from '../support/run-example.js';

const env = inject('contract');
const runExample = (file: string, args: string[] = []) =>
  run(
    file,
    {
      CIVIC_API_BASE_URL: env.staticUrl,
      CIVIC_TOKEN_URL: env.tokenUrl,
      CIVIC_CLIENT_ID: env.clientId,
      CIVIC_CLIENT_SECRET: env.clientSecret,
    },
    args,
  );

describe('examples/', () => {
  it('export-frozen.ts writes CSV, page after page', async () => {
    const { status, stdout, stderr } = await runExample('examples/export-frozen.ts', [
      '--max',
      '5',
    ]);
    expect(status).toBe(0);
    // The static mock answers every page with the spec's one example pass.
    expect(stdout).toBe(
      'chain,network,wallet,state,onChainState\n' +
        'ethereum,sepolia,0xEA5Ce8F9C81b681876DC713d33371c3E262A5888,ACTIVE,ACTIVE\n',
    );
    expect(stderr).toBe('1 frozen passes\n');
  });
});
