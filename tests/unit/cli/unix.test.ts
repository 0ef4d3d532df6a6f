import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliHarness, NOW_MS } from '../../support/cli.js';
import { EVM_WALLET, passBody, type Seen } from '../../support/fake-api.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function listOf(total: number) {
  return (request: Seen) => {
    const { limit = 20, skip = 0 } = JSON.parse(request.body ?? '{}');
    const records = [];
    for (let i = skip; i < Math.min(total, skip + limit); i++)
      records.push(passBody({ id: `p${i}` }));
    return Response.json({ records });
  };
}

describe('civic-pass: names it does not know', () => {
  it.each([
    [
      ['passes', 'get', 'polygonamoy', EVM_WALLET],
      /unknown network "polygonamoy".*did you mean polygonAmoy\?/,
    ],
    [['passes', 'get', 'ethereum/polygonamoy', EVM_WALLET], /did you mean ethereum\/polygonAmoy\?/],
    [
      ['passes', 'get', 'etherum/sepolia', EVM_WALLET],
      /unknown chain "etherum".*did you mean ethereum\/sepolia\?/,
    ],
    [
      ['passes', 'get', 'solana/sepolia', EVM_WALLET],
      /sepolia is a network of ethereum, not of solana.*did you mean ethereum\/sepolia\?/,
    ],
  ])('suggests the closest known name for %j, exit 2, nothing sent', async (argv, message) => {
    const cli = cliHarness();
    expect(await cli.run(...argv)).toBe(2);
    expect(cli.stderr.text).toMatch(message);
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('suggests nothing for a name far from every known one', async () => {
    const cli = cliHarness();
    expect(await cli.run('passes', 'get', 'bitcoin', EVM_WALLET)).toBe(2);
    expect(cli.stderr.text).not.toContain('did you mean');
    expect(cli.stderr.text).toContain('`civic-pass networks` lists them');
  });
});

describe('civic-pass --json errors', () => {
  it.each([
    [['--json', 'pases'], 'USAGE'],
    [['--json', 'passes', 'get', 'polygonamoy', EVM_WALLET], 'USAGE'],
    [['--json', 'passes', 'list', '--limit', 'x'], 'USAGE'],
    [['--json', 'passes', 'get', 'ethereum/sepolia', '0x12'], 'INPUT'],
  ])('always carry a code: %j', async (argv, code) => {
    const cli = cliHarness();
    expect(await cli.run(...argv)).toBe(2);
    const { error } = JSON.parse(cli.stderr.text);
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(2);
  });

  it('carries DECLINED when a confirmation is refused', async () => {
    const cli = cliHarness({ stdinIsTTY: true, confirm: false });
    expect(await cli.run('--json', 'passes', 'revoke', 'ethereum/sepolia', EVM_WALLET)).toBe(1);
    expect(JSON.parse(cli.stderr.text).error.code).toBe('DECLINED');
    expect(cli.fake.seen).toHaveLength(0);
  });
});

describe('civic-pass: arguments checked before anything happens', () => {
  it.each([['abc'], ['70000'], ['-1'], ['4010.5']])('refuses mock --port %s', async (value) => {
    let started = 0;
    const cli = cliHarness({
      startMock: async () => {
        started += 1;
        throw new Error('must not start');
      },
    });
    expect(await cli.run('mock', '--port', value)).toBe(2);
    expect(cli.stderr.text).toMatch(/--port <n>.*port number from 0/);
    expect(started).toBe(0);
  });

  it.each([
    ['2020-01-01'],
    [String(NOW_MS / 1000)], // now is not later than now
    ['1'],
  ])('refuses a past --at %s for expire, sending nothing', async (at) => {
    const cli = cliHarness();
    expect(await cli.run('passes', 'expire', 'ethereum/sepolia', EVM_WALLET, '--at', at)).toBe(2);
    expect(cli.stderr.text).toMatch(/--at .* is in the past.*leave --at out/);
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('takes a future --at', async () => {
    const cli = cliHarness({ api: () => Response.json(passBody()) });
    const at = String(NOW_MS / 1000 + 60);
    expect(await cli.run('passes', 'expire', 'ethereum/sepolia', EVM_WALLET, '--at', at)).toBe(0);
    expect(cli.apiCalls()).toEqual([
      `PATCH /partner/pass/ethereum/sepolia/${EVM_WALLET} {"expiryTimestamp":${at}}`,
    ]);
  });

  it('reads --env-file before any command, so a missing one is exit 2 even for networks', async () => {
    const cli = cliHarness();
    expect(await cli.run('--env-file', 'no/such/file.env', 'networks')).toBe(2);
    expect(cli.stderr.text).toMatch(
      /^civic-pass: UsageError: cannot read --env-file "no\/such\/file.env" \(ENOENT\)/,
    );
    expect(cli.stdout.text).toBe('');
  });
});

describe('civic-pass passes list --all --max', () => {
  it('stops after --max passes, asks for no page beyond, and says there are more', async () => {
    const cli = cliHarness({ api: listOf(50) });
    expect(await cli.run('passes', 'list', '--all', '--max', '3', '--limit', '2', '--json')).toBe(
      0,
    );
    expect(JSON.parse(cli.stdout.text).map((p: { id: string }) => p.id)).toEqual([
      'p0',
      'p1',
      'p2',
    ]);
    // Pages of 2: the second page holds the 3rd and the 4th, which shows there are more.
    expect(cli.apiCalls()).toEqual([
      'POST /partner/pass {"limit":2,"skip":0}',
      'POST /partner/pass {"limit":2,"skip":2}',
    ]);
    expect(cli.stderr.text).toBe('stopped after --max 3 passes; there are more\n');
  });

  it('uses pages no larger than --max', async () => {
    const cli = cliHarness({ api: listOf(50) });
    expect(await cli.run('passes', 'list', '--all', '--max', '5', '--json')).toBe(0);
    expect(cli.apiCalls()[0]).toBe('POST /partner/pass {"limit":5,"skip":0}');
    expect(JSON.parse(cli.stdout.text)).toHaveLength(5);
  });

  it('says nothing more when everything fitted', async () => {
    const cli = cliHarness({ api: listOf(3) });
    expect(await cli.run('passes', 'list', '--all', '--max', '10', '--json')).toBe(0);
    expect(JSON.parse(cli.stdout.text)).toHaveLength(3);
    expect(cli.stderr.text).toBe('');
  });

  it('refuses --max without --all', async () => {
    const cli = cliHarness({ api: listOf(3) });
    expect(await cli.run('passes', 'list', '--max', '10')).toBe(2);
    expect(cli.fake.seen).toHaveLength(0);
  });
});

describe('civic-pass … | head', { timeout: 60_000 }, () => {
  it('ends quietly with exit 0 when the reader goes away (EPIPE)', async () => {
    // A local API that always has another full page: the listing never ends on its own.
    let pages = 0;
    const server = createServer((request, response) => {
      if (request.url?.startsWith('/oauth/token')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ access_token: 't', token_type: 'Bearer', expires_in: 3600 }));
        return;
      }
      pages += 1;
      const records = Array.from({ length: 100 }, (_, i) => passBody({ id: `p${pages}-${i}` }));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ records }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const child = spawn(
        'bash',
        [
          '--norc',
          '-c',
          `set -o pipefail; "${process.execPath}" --import tsx src/cli/main.ts passes list --all --limit 100 | head -n 2`,
        ],
        {
          cwd: root,
          env: {
            PATH: process.env.PATH ?? '',
            CIVIC_CLIENT_ID: 'id',
            CIVIC_CLIENT_SECRET: 'secret',
            CIVIC_API_BASE_URL: `http://127.0.0.1:${port}/partner`,
            CIVIC_TOKEN_URL: `http://127.0.0.1:${port}/oauth/token`,
          },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout.split('\n')).toHaveLength(3);
      expect(stdout).toMatch(/^WALLET/);
      // It stopped once nobody read: a handful of pages at most, not an endless walk.
      expect(pages).toBeGreaterThan(0);
      expect(pages).toBeLessThan(50);
    } finally {
      server.close();
    }
  });
});
