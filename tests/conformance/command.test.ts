/** The conformance command's arguments, usage errors and exit codes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CommandIo,
  conformanceCommand,
  EXIT,
  parseWallet,
} from '../../src/conformance/index.js';
import { type Sandbox, startSandbox, startTokenServer } from '../../src/testing/index.js';
import { closedPort } from '../support/scripted-server.js';

const CREDENTIALS = { CIVIC_CLIENT_ID: 'id', CIVIC_CLIENT_SECRET: 'secret' };

async function run(argv: string[], env: CommandIo['env'] = CREDENTIALS) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const requests: string[] = [];
  const code = await conformanceCommand(argv, {
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    env,
    fetch: async (input, init) => {
      requests.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    },
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), requests };
}

describe('conformance --help', () => {
  it('explains the options, warns that revocation is irreversible, and gives the exit codes', async () => {
    const { code, stdout } = await run(['--help'], {});
    expect(code).toBe(EXIT.conforms);
    expect(stdout).toMatch(/--allow-writes/);
    expect(stdout).toMatch(/Revocation is irreversible/);
    expect(stdout).toMatch(/Exit codes: 0 the server conforms; 1 at least one check failed/);
  });
});

describe('usage errors exit 2 and send nothing', () => {
  const WALLET = '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888';
  it.each([
    [[], CREDENTIALS, '--base-url is required'],
    [['--base-url', 'http://127.0.0.1:9'], {}, 'set CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET'],
    [
      ['--base-url', 'http://127.0.0.1:9', '--allow-writes'],
      CREDENTIALS,
      '--allow-writes needs --wallet',
    ],
    [
      ['--base-url', 'http://127.0.0.1:9', '--wallet', `solana/sepolia/${WALLET}`],
      CREDENTIALS,
      '"sepolia" is not a network of solana',
    ],
    [
      ['--base-url', 'http://127.0.0.1:9', '--wallet', 'ethereum/sepolia/0x12'],
      CREDENTIALS,
      'a ethereum address is 0x followed by 40 hexadecimal digits',
    ],
    [
      ['--base-url', 'http://127.0.0.1:9', '--pii-decision', 'partner-pass'],
      CREDENTIALS,
      '--pii-decision needs --allow-writes and --scope-request-id',
    ],
    [
      ['--base-url', 'http://127.0.0.1:9', '--only', 'everything'],
      CREDENTIALS,
      '--only: "everything" names no check',
    ],
    [
      ['--base-url', 'http://127.0.0.1:9', '--settle-timeout', 'soon'],
      CREDENTIALS,
      '--settle-timeout is a number of seconds above 0',
    ],
    [
      ['--base-url', 'http://127.0.0.1:9', '--seed', '1.5'],
      CREDENTIALS,
      '--seed is a non-negative integer',
    ],
    [
      ['--base-url', 'http://127.0.0.1:9', '--report', 'html'],
      CREDENTIALS,
      '--report is text or markdown',
    ],
    [
      ['--base-url', 'http://127.0.0.1:9', '--frobnicate'],
      CREDENTIALS,
      "Unknown option '--frobnicate'",
    ],
    [['--base-url', 'http://api.example.com/partner'], CREDENTIALS, 'must use https:'],
  ] as const)('%j', async (argv, env, message) => {
    const result = await run([...argv], env);
    expect(result.code, result.stderr).toBe(EXIT.usage);
    expect(result.stderr).toContain(message);
    expect(result.requests).toEqual([]);
  });
});

describe('a server that does not answer', () => {
  it('fails every check that needs it, naming the connection error, and exits 1', async () => {
    const tokens = await startTokenServer();
    try {
      const base = `http://127.0.0.1:${await closedPort()}`;
      const result = await run(
        ['--base-url', base, '--token-url', tokens.url, '--only', 'response.list,auth.no-token'],
        {
          CIVIC_CLIENT_ID: tokens.clientId,
          CIVIC_CLIENT_SECRET: tokens.clientSecret,
        },
      );
      expect(result.code, result.stdout).toBe(EXIT.nonConforming);
      expect(result.stdout).toMatch(
        /FAIL {2}listPass · response\.list · listPass answers a page of passes\n.*\n\s+- no answer: TypeError: fetch failed/,
      );
      expect(result.stdout).toMatch(/reproduce: curl -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/pass'/);
      expect(result.stdout).not.toContain(tokens.clientSecret);
    } finally {
      await tokens.close();
    }
  });
});

describe('nothing can be checked: exit 2, never "does not conform"', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it('a wrong secret: "credentials refused", one token request, no API request', async () => {
    const result = await run(['--base-url', sandbox.baseUrl, '--token-url', sandbox.tokenUrl], {
      CIVIC_CLIENT_ID: sandbox.clientId,
      CIVIC_CLIENT_SECRET: 'not-the-secret',
    });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(
      /^conformance: credentials refused: http:\/\/127\.0\.0\.1:\d+\/oauth\/token answered 401 invalid_client; check CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET \(sent with client_secret_post\) \(nothing was checked\)$/,
    );
    expect(result.stdout + result.stderr).not.toMatch(/DOES NOT CONFORM|not-the-secret/);
    expect(result.requests).toEqual([sandbox.tokenUrl]);
  });

  it('a wrong audience: "credentials refused", pointing at --audience', async () => {
    const result = await run(
      [
        '--base-url',
        sandbox.baseUrl,
        '--token-url',
        sandbox.tokenUrl,
        '--audience',
        'https://elsewhere.example',
      ],
      { CIVIC_CLIENT_ID: sandbox.clientId, CIVIC_CLIENT_SECRET: sandbox.clientSecret },
    );
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(
      /credentials refused: .* answered 403 access_denied; check --audience/,
    );
  });

  it('a token endpoint that does not answer: names --token-url', async () => {
    const result = await run(
      [
        '--base-url',
        sandbox.baseUrl,
        '--token-url',
        `http://127.0.0.1:${await closedPort()}/oauth/token`,
      ],
      { CIVIC_CLIENT_ID: sandbox.clientId, CIVIC_CLIENT_SECRET: sandbox.clientSecret },
    );
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(
      /the token endpoint .* did not answer .*: check --token-url \(nothing was checked\)/,
    );
  });

  it('a base URL elsewhere than Civic without --token-url: credentials are not sent', async () => {
    const result = await run(['--base-url', sandbox.baseUrl], {
      CIVIC_CLIENT_ID: sandbox.clientId,
      CIVIC_CLIENT_SECRET: sandbox.clientSecret,
    });
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toContain('--token-url is needed for http://127.0.0.1:');
    expect(result.requests).toEqual([]);
  });
});

describe('parseWallet', () => {
  it('reads chain, network and address, checked against the spec', () => {
    expect(parseWallet('solana/devnet/4v4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ')).toEqual({
      chain: 'solana',
      chainNetwork: 'devnet',
      address: '4v4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ',
    });
    expect(() => parseWallet('bitcoin/main/1abc')).toThrow(/unknown chain "bitcoin"/);
  });
});
