import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHAIN_NETWORK_VALUES, CHAINS } from '../../../generated/api.js';
import { type MockApi, type MockApiOptions, PrismStartError } from '../../../src/testing/index.js';
import { cliHarness } from '../../support/cli.js';

const ID = '9a7a77af-a58e-4e54-83c9-5daa96ccbf11';
const PII = {
  id: ID,
  type: 'gatekeeperProofOfIdentityWithIdDocument-v3',
  status: 'verification-success',
  updateDate: '2024-11-28T08:00:00.000Z',
  verifiedInformation: { email: 'user@example.com', name: 'Ada Example Lovelace' },
  links: [
    {
      rel: 'idDocumentFront',
      href: `https://api.civic.com/partner/piirequest/${ID}/evidence/idDocumentFront`,
    },
  ],
};

describe('civic-pass pii', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'civic-cli-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('shows a PII request with its verified information and evidence links', async () => {
    const cli = cliHarness({ api: () => Response.json(PII) });
    expect(await cli.run('pii', 'get', ID)).toBe(0);
    expect(cli.apiCalls()).toEqual([`GET /partner/piirequest/${ID}`]);
    expect(cli.stdout.text).toBe(
      [
        `id       ${ID}`,
        'type     gatekeeperProofOfIdentityWithIdDocument-v3',
        'status   verification-success',
        'updated  2024-11-28T08:00:00.000Z',
        'verified information:',
        '  email  user@example.com',
        '  name   Ada Example Lovelace',
        'evidence (civic-pass pii evidence <id> <rel> -o <file>):',
        `  idDocumentFront  ${PII.links[0]?.href}`,
        '',
      ].join('\n'),
    );
  });

  it('keeps control characters out of the terminal in the keys a server sends as well', async () => {
    const hostile = {
      ...PII,
      verifiedInformation: { 'e\u001b]52;c;cHduZWQ=\u0007': 'x', name: 'Ada' },
    };
    const cli = cliHarness({ api: () => Response.json(hostile) });
    expect(await cli.run('pii', 'get', ID)).toBe(0);
    const controls = [...cli.stdout.text].filter(
      (c) => c !== '\n' && (c.codePointAt(0) ?? 0) < 0x20,
    );
    expect(controls).toEqual([]);
    // Aligned on the cleaned key: each '?' stands for one removed character.
    const key = 'e?]52;c;cHduZWQ=?';
    expect(cli.stdout.text).toContain(`  ${key}  x\n  ${'name'.padEnd(key.length)}  Ada\n`);
  });

  it.each([
    ['approve', 'partner-pass', 'approved'],
    ['reject', 'partner-fail', 'rejected'],
  ])('%s sends one PUT with the decision', async (command, status, said) => {
    const cli = cliHarness({ api: () => Response.json({ status: 'ok' }) });
    expect(await cli.run('pii', command, ID)).toBe(0);
    expect(cli.apiCalls()).toEqual([`PUT /partner/piirequest/${ID}/status {"status":"${status}"}`]);
    expect(cli.stdout.text).toBe(`${said} PII request ${ID} (${status})\n`);
  });

  it.each([
    [
      409,
      'PII_ALREADY_DECIDED',
      'the PII request was decided already, or is not ready: look at it with `civic-pass pii get`',
    ],
    [404, 'PII_REQUEST_NOT_FOUND', 'check the scope request id (and the evidence name)'],
  ])('a %i on a decision points at the PII request, not at a pass', async (status, code, hint) => {
    const cli = cliHarness({ api: () => Response.json({ code, message: 'no' }, { status }) });
    expect(await cli.run('pii', 'approve', ID)).toBe(1);
    expect(cli.apiCalls()).toEqual([
      `PUT /partner/piirequest/${ID}/status {"status":"partner-pass"}`,
    ]);
    expect(cli.stderr.text).toContain(`(${hint})`);
    expect(cli.stderr.text).not.toContain('passes get');
    expect(cli.stderr.text).not.toContain('wallet');
  });

  it('refuses a path-breaking id before sending', async () => {
    const cli = cliHarness();
    expect(await cli.run('pii', 'get', '../pass')).toBe(2);
    expect(cli.stderr.text).toMatch(/^civic-pass: InputError: /);
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('writes the evidence bytes to the file named with -o', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3]);
    const cli = cliHarness({
      api: () => new Response(bytes, { headers: { 'content-type': 'image/jpeg' } }),
    });
    const file = path.join(dir, 'front.jpg');
    expect(await cli.run('pii', 'evidence', ID, 'idDocumentFront', '-o', file)).toBe(0);
    expect(cli.apiCalls()).toEqual([`GET /partner/piirequest/${ID}/evidence/idDocumentFront`]);
    expect(new Uint8Array(await readFile(file))).toEqual(bytes);
    expect(cli.stdout.text).toBe(`wrote 8 bytes (image/jpeg) to ${file}\n`);
  });

  it('writes the evidence to stdout with -o -, but never to a terminal', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const piped = cliHarness({ api: () => new Response(bytes) });
    expect(await piped.run('pii', 'evidence', ID, 'idDocumentFront', '-o', '-')).toBe(0);
    expect(piped.stdout.bytes).toEqual([bytes]);
    expect(piped.stdout.text).toBe('');

    const terminal = cliHarness({ api: () => new Response(bytes), stdoutIsTTY: true });
    expect(await terminal.run('pii', 'evidence', ID, 'idDocumentFront', '-o', '-')).toBe(2);
    expect(terminal.fake.seen).toHaveLength(0);
  });

  it('needs -o', async () => {
    const cli = cliHarness();
    expect(await cli.run('pii', 'evidence', ID, 'idDocumentFront')).toBe(2);
    expect(cli.stderr.text).toContain("required option '-o, --output <file>' not specified");
  });
});

describe('civic-pass networks', () => {
  it('lists every network of the spec with its chain and wallet format, without credentials', async () => {
    const cli = cliHarness({ env: {} });
    expect(await cli.run('networks')).toBe(0);
    const lines = cli.stdout.text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CHAIN\/NETWORK +WALLET FORMAT$/);
    expect(lines).toHaveLength(1 + CHAIN_NETWORK_VALUES.length);
    expect(lines).toContain(`solana/devnet                 ${CHAINS.solana.walletFormat}`);
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('gives the same rows as JSON', async () => {
    const cli = cliHarness({ env: {} });
    expect(await cli.run('networks', '--json')).toBe(0);
    const rows = JSON.parse(cli.stdout.text);
    expect(rows.map((r: { network: string }) => r.network).sort()).toEqual(
      [...CHAIN_NETWORK_VALUES].sort(),
    );
    expect(rows).toContainEqual({
      chain: 'ethereum',
      network: 'polygonAmoy',
      target: 'ethereum/polygonAmoy',
      walletFormat: CHAINS.ethereum.walletFormat,
    });
  });
});

function fakeMock(stopped: string[]): MockApi {
  return {
    baseUrl: 'http://127.0.0.1:4010',
    tokenUrl: 'http://127.0.0.1:4011/oauth/token',
    clientId: 'mock-client',
    clientSecret: 'mock-secret',
    prism: {
      url: 'http://127.0.0.1:4010',
      pid: 1,
      startupMs: 1234,
      output: () => '',
      stop: async () => {},
    },
    tokens: {} as MockApi['tokens'],
    env: {
      CIVIC_API_BASE_URL: 'http://127.0.0.1:4010',
      CIVIC_TOKEN_URL: 'http://127.0.0.1:4011/oauth/token',
    },
    stop: async () => {
      stopped.push('stopped');
    },
  };
}

describe('civic-pass mock', () => {
  it('starts the mock with the options given, prints where it listens, and stops it on Ctrl-C', async () => {
    const started: MockApiOptions[] = [];
    const stopped: string[] = [];
    const cli = cliHarness({
      startMock: async (options) => {
        started.push(options);
        return fakeMock(stopped);
      },
    });
    expect(await cli.run('mock', '--port', '4010', '--seed', '7')).toBe(0);
    expect(started).toEqual([{ port: 4010, seed: '7' }]);
    expect(stopped).toEqual(['stopped']);
    expect(cli.stdout.text).toContain(
      'Prism mock of the Civic Pass API on http://127.0.0.1:4010 (started in 1234 ms)',
    );
    expect(cli.stdout.text).toContain('  export CIVIC_API_BASE_URL=http://127.0.0.1:4010\n');
    expect(cli.stderr.text).toBe('mock stopped\n');
  });

  it('explains how to install Prism when it is missing (exit 2)', async () => {
    const cli = cliHarness({
      startMock: () =>
        Promise.reject(
          new PrismStartError('cannot find @stoplight/prism-cli', '', 'PRISM_NOT_INSTALLED'),
        ),
    });
    expect(await cli.run('mock')).toBe(2);
    expect(cli.stderr.text).toBe(
      'civic-pass: UsageError: civic-pass mock runs Prism (@stoplight/prism-cli), which is not installed ' +
        '(install it next to civic-pass-client: npm install --save-dev @stoplight/prism-cli@~5.14.2)\n',
    );
  });

  it('reports any other start failure as a failure (exit 1)', async () => {
    const cli = cliHarness({
      startMock: () => Promise.reject(new Error('prism was not listening after 30000 ms')),
    });
    expect(await cli.run('mock')).toBe(1);
    expect(cli.stderr.text).toBe('civic-pass: Error: prism was not listening after 30000 ms\n');
  });
});

describe('civic-pass conformance', () => {
  it('hands its arguments to the conformance runner, whose help it prints', async () => {
    const cli = cliHarness();
    expect(await cli.run('conformance', '--help')).toBe(0);
    expect(cli.stdout.text).toContain('usage: conformance --base-url <url>');
    expect(cli.stdout.text).toContain('--allow-writes');
  });

  it('passes the program options back to the runner, and takes its exit code', async () => {
    const cli = cliHarness({ env: {} });
    expect(
      await cli.run('conformance', '--base-url', 'http://127.0.0.1:9', '--junit', 'x.xml'),
    ).toBe(2);
    // The runner got --base-url (else it would complain about it) and then missed the credentials.
    expect(cli.stderr.text).toBe(
      'conformance: set CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET to the client credentials\nRun with --help for usage.\n',
    );
    expect(cli.fake.seen).toHaveLength(0);
  });
});
