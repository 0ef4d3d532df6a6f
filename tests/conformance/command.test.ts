/** The conformance command's arguments, usage errors and exit codes. */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  type CommandIo,
  conformanceCommand,
  EXIT,
  parseWallet,
} from '../../src/conformance/index.js';

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
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const base = `http://127.0.0.1:${port}`;
    const result = await run(['--base-url', base, '--token-url', `${base}/oauth/token`]);
    expect(result.code).toBe(EXIT.nonConforming);
    expect(result.stdout).toMatch(
      /FAIL {2}listPass answers a page of passes\n.*\n\s+- no answer: ConnectionError/,
    );
    expect(result.stdout).toMatch(
      /FAIL {2}getPass without a token answers 401\n.*\n\s+- no answer: TypeError: fetch failed/,
    );
    expect(result.stdout).not.toContain('secret');
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
