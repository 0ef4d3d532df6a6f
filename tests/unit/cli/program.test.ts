import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { DEFAULT_TIMEOUT_MS } from '../../../src/config.js';
import { cliHarness, FAKE_ENV } from '../../support/cli.js';
import { BASE_URL, CLIENT_SECRET, EVM_WALLET, passBody } from '../../support/fake-api.js';

describe('civic-pass: usage, help and exit codes', () => {
  it('prints its help on stdout and exits 0, saying credentials never come from argv', async () => {
    const cli = cliHarness();
    expect(await cli.run('--help')).toBe(0);
    expect(cli.stdout.text).toMatch(/^Usage: civic-pass /);
    for (const command of ['passes', 'pii', 'networks', 'sandbox', 'mock', 'conformance']) {
      expect(cli.stdout.text).toContain(`\n  ${command}`);
    }
    // --timeout-ms is the client's timeoutMs: the whole call, not one attempt.
    expect(cli.stdout.text.replace(/\s+/g, ' ')).toContain(
      `--timeout-ms <ms> deadline of each call, token request, retries and waits included (default ${DEFAULT_TIMEOUT_MS})`,
    );
    expect(cli.stdout.text).toContain('CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET');
    expect(cli.stdout.text).toContain('Never on the command line');
    expect(cli.stdout.text).toMatch(/Exit codes: 0 done; 1 .*\n.*2 bad usage/);
    expect(cli.stderr.text).toBe('');
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('repeats where credentials come from under the help of each command', async () => {
    const cli = cliHarness();
    expect(await cli.run('passes', 'revoke', '--help')).toBe(0);
    expect(cli.stdout.text).toContain('IRREVERSIBLY');
    expect(cli.stdout.text).toContain('--yes');
    expect(cli.stdout.text).toContain('Never on the command line');
  });

  it('prints the package version', async () => {
    const cli = cliHarness();
    expect(await cli.run('--version')).toBe(0);
    expect(cli.stdout.text.trim()).toBe(packageJson.version);
  });

  it.each([
    [['pases'], /unknown command 'pases'.*Did you mean passes\?.*see: civic-pass --help/],
    [
      ['passes', 'get', 'ethereum/sepolia'],
      /missing required argument 'wallet'.*civic-pass passes get --help/,
    ],
    [
      ['passes', 'list', '--limit', '0'],
      /--limit <n>' argument '0' is invalid\. expected a positive integer/,
    ],
    [
      ['passes', 'list', '--state', 'GONE'],
      /Allowed choices are ACTIVE, REVOKED, FROZEN, REQUESTED, REJECTED/,
    ],
    [['passes', 'get', 'ethereum/sepolia', EVM_WALLET, 'extra'], /too many arguments/],
    // A secret on the command line is not an option at all: it would show in `ps`.
    [['--client-secret', 'shh', 'networks'], /unknown option '--client-secret'/],
  ])('exits 2 on bad usage %j, with one line on stderr and nothing sent', async (argv, message) => {
    const cli = cliHarness();
    expect(await cli.run(...argv)).toBe(2);
    expect(cli.stderr.text).toMatch(/^civic-pass: UsageError: /);
    expect(cli.stderr.text).toMatch(message);
    expect(cli.stderr.text.trimEnd().split('\n')).toHaveLength(1);
    expect(cli.stdout.text).toBe('');
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('shows the help of a command group called without a subcommand, and exits 2', async () => {
    const cli = cliHarness();
    expect(await cli.run('passes')).toBe(2);
    expect(cli.stderr.text).toContain('Usage: civic-pass passes');
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('exits 2 naming both variables when credentials are missing, before any request', async () => {
    const cli = cliHarness({ env: { CIVIC_API_BASE_URL: BASE_URL } });
    expect(await cli.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET)).toBe(2);
    expect(cli.stderr.text).toBe(
      'civic-pass: UsageError: no client credentials: CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET are not set ' +
        '(set CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET in the environment or in a file named with --env-file; never on the command line)\n',
    );
    expect(cli.clientOptions).toHaveLength(0);
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('checks the arguments before it looks for credentials', async () => {
    const cli = cliHarness({ env: {} });
    expect(await cli.run('passes', 'get', 'solana/sepolia', EVM_WALLET)).toBe(2);
    expect(cli.stderr.text).toMatch(/^civic-pass: UsageError: sepolia is a network of ethereum/);
    expect(await cli.run('passes', 'get', 'ethereum/sepolia', '0x12')).toBe(2);
    expect(cli.stderr.text).toMatch(/civic-pass: InputError: wallet "0x12"/);
  });

  it('reports errors as one JSON line on stderr with --json', async () => {
    const cli = cliHarness({ env: {} });
    expect(await cli.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET, '--json')).toBe(2);
    const lines = cli.stderr.text.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toEqual({
      error: {
        name: 'UsageError',
        code: 'USAGE',
        message: 'no client credentials: CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET are not set',
        hint: expect.stringContaining('--env-file'),
        exitCode: 2,
      },
    });
  });
});

describe('civic-pass: credentials from the environment and --env-file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'civic-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives the client exactly the environment credentials and URLs', async () => {
    const cli = cliHarness({ api: () => Response.json(passBody()) });
    expect(await cli.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    expect(cli.clientOptions).toEqual([
      {
        clientId: FAKE_ENV.CIVIC_CLIENT_ID,
        clientSecret: FAKE_ENV.CIVIC_CLIENT_SECRET,
        baseUrl: FAKE_ENV.CIVIC_API_BASE_URL,
        tokenUrl: FAKE_ENV.CIVIC_TOKEN_URL,
      },
    ]);
  });

  it("defaults to Civic's URLs, and takes --base-url, --token-url and both deadlines", async () => {
    const env = { CIVIC_CLIENT_ID: 'id', CIVIC_CLIENT_SECRET: 'secret' };
    const plain = cliHarness({ env });
    await plain.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET);
    expect(plain.clientOptions[0]).toMatchObject({
      baseUrl: 'https://api.civic.com/partner',
      tokenUrl: 'https://auth0.civic.com/oauth/token',
    });
    const flagged = cliHarness({ env });
    await flagged.run(
      'passes',
      'get',
      'ethereum/sepolia',
      EVM_WALLET,
      '--base-url',
      'http://127.0.0.1:4010',
      '--token-url',
      'http://127.0.0.1:4011/oauth/token',
      '--timeout-ms',
      '5000',
      '--attempt-timeout-ms',
      '2500',
    );
    expect(flagged.clientOptions[0]).toEqual({
      clientId: 'id',
      clientSecret: 'secret',
      baseUrl: 'http://127.0.0.1:4010',
      tokenUrl: 'http://127.0.0.1:4011/oauth/token',
      timeoutMs: 5000,
      attemptTimeoutMs: 2500,
    });
  });

  it("refuses a base URL other than Civic's without a token URL, sending nothing", async () => {
    for (const env of [
      { CIVIC_CLIENT_ID: 'id', CIVIC_CLIENT_SECRET: 'secret' },
      {
        CIVIC_CLIENT_ID: 'id',
        CIVIC_CLIENT_SECRET: 'secret',
        CIVIC_API_BASE_URL: 'http://127.0.0.1:4010/partner',
      },
    ]) {
      const cli = cliHarness({ env });
      const baseUrl =
        env.CIVIC_API_BASE_URL === undefined ? ['--base-url', 'http://127.0.0.1:4010/partner'] : [];
      expect(await cli.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET, ...baseUrl)).toBe(2);
      expect(cli.stderr.text).toContain(
        "UsageError: http://127.0.0.1:4010/partner is not Civic's API, so the token endpoint must be given too",
      );
      expect(cli.stderr.text).toContain('--token-url or CIVIC_TOKEN_URL');
      expect(cli.clientOptions).toHaveLength(0);
      expect(cli.fake.seen).toHaveLength(0);
    }
  });

  it('masks the password of a --base-url it quotes in a usage error', async () => {
    const cli = cliHarness({ env: { CIVIC_CLIENT_ID: 'id', CIVIC_CLIENT_SECRET: 'secret' } });
    const baseUrl = 'http://ops:hunter2-pass@127.0.0.1:4010/partner';
    expect(
      await cli.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET, '--base-url', baseUrl),
    ).toBe(2);
    expect(cli.stderr.text).toContain('http://ops:[redacted]@127.0.0.1:4010/partner is not Civic');
    expect(cli.stderr.text).not.toContain('hunter2');
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('reads the file named with --env-file, whose values win over the environment', async () => {
    const file = path.join(dir, 'sandbox.env');
    await writeFile(
      file,
      '# sandbox\nCIVIC_CLIENT_ID=file-id\nCIVIC_CLIENT_SECRET="file secret"\n',
    );
    const cli = cliHarness({
      env: { ...FAKE_ENV, CIVIC_CLIENT_ID: 'env-id' },
      api: () => Response.json(passBody()),
    });
    expect(await cli.run('--env-file', file, 'passes', 'get', 'ethereum/sepolia', EVM_WALLET)).toBe(
      0,
    );
    expect(cli.clientOptions[0]).toMatchObject({
      clientId: 'file-id',
      clientSecret: 'file secret',
    });
    const token = cli.fake.tokenRequests()[0];
    expect(new URLSearchParams(token?.body ?? '').get('client_id')).toBe('file-id');
  });

  it('exits 2 when the env file cannot be read', async () => {
    const cli = cliHarness();
    const missing = path.join(dir, 'nope.env');
    expect(await cli.run('--env-file', missing, 'passes', 'list')).toBe(2);
    expect(cli.stderr.text).toBe(
      `civic-pass: UsageError: cannot read --env-file ${JSON.stringify(missing)} (ENOENT)\n`,
    );
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('never prints the secret, even when the token endpoint refuses it', async () => {
    for (const json of [false, true]) {
      const cli = cliHarness({
        token: () =>
          Response.json(
            {
              error: 'invalid_client',
              error_description: 'Unknown client or wrong client secret.',
            },
            { status: 401 },
          ),
      });
      const argv = ['passes', 'get', 'ethereum/sepolia', EVM_WALLET, ...(json ? ['--json'] : [])];
      expect(await cli.run(...argv)).toBe(1);
      expect(cli.stderr.text).toContain('TokenError');
      expect(cli.stderr.text).toContain('invalid_client');
      expect(cli.stderr.text).not.toContain(CLIENT_SECRET);
      expect(cli.stdout.text).toBe('');
      expect(cli.fake.apiRequests()).toHaveLength(0);
    }
  });
});
