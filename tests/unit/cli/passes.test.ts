import { describe, expect, it } from 'vitest';
import { cliHarness, NOW_MS } from '../../support/cli.js';
import { EVM_WALLET, passBody, type Seen, SOLANA_WALLET } from '../../support/fake-api.js';

const PASS_PATH = `/partner/pass/ethereum/sepolia/${EVM_WALLET}`;

describe('civic-pass passes get / issue', () => {
  it('reads a pass with one GET and prints it with its events', async () => {
    const pass = passBody({
      events: [
        {
          eventType: 'TOKEN_ISSUED_INITIATED',
          timestamp: 1732780800,
          transaction: { identifier: '0xabc', status: 'sent' },
        },
        { eventType: 'TOKEN_ISSUED', timestamp: 1732780815 },
      ],
    });
    const cli = cliHarness({ api: () => Response.json(pass) });
    expect(await cli.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    expect(cli.apiCalls()).toEqual([`GET ${PASS_PATH}`]);
    expect(cli.fake.apiRequests()[0]?.headers.get('authorization')).toBe('Bearer tok-1');
    expect(cli.stdout.text).toBe(
      [
        `wallet              ${EVM_WALLET}`,
        'chain               ethereum/sepolia',
        'state               ACTIVE',
        'on chain            ACTIVE',
        'pass id             p1',
        'gatekeeper network  tgnuXXNMDLK8dy7Xm1TdeGyc95MDym4bvAQCwcW21Bf',
        'events:',
        '  TIME                  EVENT                   TRANSACTION',
        '  2024-11-28 08:00:00Z  TOKEN_ISSUED_INITIATED  0xabc (sent)',
        '  2024-11-28 08:00:15Z  TOKEN_ISSUED',
        '',
      ].join('\n'),
    );
    expect(cli.stderr.text).toBe('');
  });

  it('prints the pass as the API sent it with --json, unknown fields included', async () => {
    const pass = passBody({ somethingNew: { nested: true } });
    const cli = cliHarness({ api: () => Response.json(pass) });
    expect(await cli.run('--json', 'passes', 'get', 'sepolia', EVM_WALLET)).toBe(0);
    expect(JSON.parse(cli.stdout.text)).toEqual(pass);
    expect(cli.apiCalls()).toEqual([`GET ${PASS_PATH}`]);
  });

  it('takes a bare network for <chain/network>', async () => {
    const cli = cliHarness({ api: () => Response.json(passBody()) });
    expect(await cli.run('passes', 'get', 'devnet', SOLANA_WALLET)).toBe(0);
    expect(cli.apiCalls()).toEqual([`GET /partner/pass/solana/devnet/${SOLANA_WALLET}`]);
  });

  it.each([
    [
      ['ethereum/sepolia', '0x1234'],
      /^civic-pass: InputError: wallet "0x1234" is not an ethereum address/,
    ],
    [
      ['solana/sepolia', EVM_WALLET],
      /^civic-pass: UsageError: sepolia is a network of ethereum, not of solana/,
    ],
    [
      ['goerli', EVM_WALLET],
      /^civic-pass: UsageError: unknown network "goerli" \(write <chain>\/<network>/,
    ],
    [
      ['ethereum/sepolia/x', EVM_WALLET],
      /^civic-pass: UsageError: "ethereum\/sepolia\/x" is not <chain>\/<network>/,
    ],
  ])('refuses %j with exit 2 before sending anything', async (args, message) => {
    const cli = cliHarness();
    expect(await cli.run('passes', 'get', ...args)).toBe(2);
    expect(cli.stderr.text).toMatch(message);
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('exits 1 on a 404, naming the error class, the operation and what to do', async () => {
    const cli = cliHarness({
      api: () =>
        Response.json(
          { message: 'Pass not found' },
          { status: 404, headers: { 'x-request-id': 'req-42' } },
        ),
    });
    expect(await cli.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET)).toBe(1);
    expect(cli.stderr.text).toBe(
      'civic-pass: NotFoundError: getPass (GET /pass/{chain}/{chainNetwork}/{wallet}) failed with 404: ' +
        'Pass not found (request id req-42) (check the chain, network and wallet; a pass just issued can take a minute to appear)\n',
    );
    expect(cli.stdout.text).toBe('');
  });

  it('gives scripts the error fields as JSON with --json', async () => {
    const cli = cliHarness({ api: () => Response.json({ message: 'boom' }, { status: 503 }) });
    expect(await cli.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET, '--json')).toBe(1);
    const { error } = JSON.parse(cli.stderr.text);
    expect(error).toMatchObject({
      name: 'InternalServerError',
      code: 'INTERNAL_SERVER',
      status: 503,
      operationId: 'getPass',
      method: 'GET',
      path: '/pass/{chain}/{chainNetwork}/{wallet}',
      body: { message: 'boom' },
      exitCode: 1,
      hint: expect.stringContaining('run again later'),
    });
  });

  it('issues a pass with one POST of the wallet', async () => {
    const cli = cliHarness({
      api: () => Response.json(passBody({ state: 'REQUESTED' }), { status: 202 }),
    });
    expect(await cli.run('passes', 'issue', 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    expect(cli.apiCalls()).toEqual([
      `POST /partner/pass/ethereum/sepolia {"walletAddress":"${EVM_WALLET}"}`,
    ]);
    expect(cli.stdout.text).toMatch(/^issued a pass to 0xEA5C\w+ on ethereum\/sepolia\n/);
    expect(cli.stdout.text).toContain('state               REQUESTED');
  });
});

describe('civic-pass passes freeze / unfreeze / expire', () => {
  const ok = () => Response.json({ status: 'ok' });

  it.each([
    ['freeze', '{"state":"FROZEN"}', 'froze the pass of'],
    ['unfreeze', '{"state":"ACTIVE"}', 'unfroze the pass of'],
  ])('%s sends one PATCH with the new state', async (command, body, said) => {
    const cli = cliHarness({ api: ok });
    expect(await cli.run('passes', command, 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    expect(cli.apiCalls()).toEqual([`PATCH ${PASS_PATH} ${body}`]);
    expect(cli.stdout.text).toBe(
      `${said} ${EVM_WALLET} on ethereum/sepolia (applied on chain shortly)\n`,
    );
  });

  it('answers a change with what was done, as JSON', async () => {
    const cli = cliHarness({ api: ok });
    expect(await cli.run('passes', 'freeze', 'ethereum/sepolia', EVM_WALLET, '--json')).toBe(0);
    expect(JSON.parse(cli.stdout.text)).toEqual({
      ok: true,
      action: 'freeze',
      chain: 'ethereum',
      chainNetwork: 'sepolia',
      wallet: EVM_WALLET,
    });
  });

  it('expires 5 seconds from now by default', async () => {
    const cli = cliHarness({ api: ok });
    expect(await cli.run('passes', 'expire', 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    const seconds = NOW_MS / 1000 + 5;
    expect(cli.apiCalls()).toEqual([`PATCH ${PASS_PATH} {"expiryTimestamp":${seconds}}`]);
    expect(cli.stdout.text).toBe(
      `the pass of ${EVM_WALLET} on ethereum/sepolia expires at 2023-11-14 22:13:25Z\n`,
    );
  });

  it.each([
    ['2030-01-01T00:00:00Z', 1893456000],
    ['1893456000', 1893456000],
  ])('expires at --at %s', async (at, seconds) => {
    const cli = cliHarness({ api: ok });
    expect(await cli.run('passes', 'expire', 'ethereum/sepolia', EVM_WALLET, '--at', at)).toBe(0);
    expect(cli.apiCalls()).toEqual([`PATCH ${PASS_PATH} {"expiryTimestamp":${seconds}}`]);
  });

  it.each([
    ['next week', /^civic-pass: UsageError: --at "next week" is neither a date nor seconds/],
    ['1893456000000', /^civic-pass: InputError: .*milliseconds/],
  ])('refuses --at %s with exit 2 and sends nothing', async (at, message) => {
    const cli = cliHarness({ api: ok });
    expect(await cli.run('passes', 'expire', 'ethereum/sepolia', EVM_WALLET, '--at', at)).toBe(2);
    expect(cli.stderr.text).toMatch(message);
    expect(cli.fake.seen).toHaveLength(0);
  });
});

describe('civic-pass passes revoke', () => {
  const ok = () => new Response(null, { status: 200 });

  it('refuses to run without --yes when stdin is not a terminal', async () => {
    const cli = cliHarness({ api: ok, stdinIsTTY: false });
    expect(await cli.run('passes', 'revoke', 'ethereum/sepolia', EVM_WALLET)).toBe(2);
    expect(cli.stderr.text).toBe(
      'civic-pass: UsageError: revoke is irreversible and there is no terminal to confirm on (add --yes to revoke without a question)\n',
    );
    expect(cli.questions).toEqual([]);
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('asks on a terminal, and sends nothing when the answer is no (exit 1)', async () => {
    const cli = cliHarness({ api: ok, stdinIsTTY: true, confirm: false });
    expect(await cli.run('passes', 'revoke', 'ethereum/sepolia', EVM_WALLET)).toBe(1);
    expect(cli.questions).toHaveLength(1);
    expect(cli.questions[0]).toContain(`Revoke the pass of ${EVM_WALLET} on ethereum/sepolia?`);
    expect(cli.questions[0]).toContain('cannot be undone');
    expect(cli.stderr.text).toBe('civic-pass: Declined: revoke cancelled, nothing was sent\n');
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('revokes with one DELETE when the answer is yes', async () => {
    const cli = cliHarness({ api: ok, stdinIsTTY: true, confirm: true });
    expect(await cli.run('passes', 'revoke', 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    expect(cli.questions).toHaveLength(1);
    expect(cli.apiCalls()).toEqual([`DELETE ${PASS_PATH}`]);
    expect(cli.stdout.text).toBe(`revoked the pass of ${EVM_WALLET} on ethereum/sepolia\n`);
  });

  it.each([[true], [false]])('does not ask with --yes (stdin a terminal: %s)', async (tty) => {
    const cli = cliHarness({ api: ok, stdinIsTTY: tty });
    expect(await cli.run('passes', 'revoke', 'ethereum/sepolia', EVM_WALLET, '--yes')).toBe(0);
    expect(cli.questions).toEqual([]);
    expect(cli.apiCalls()).toEqual([`DELETE ${PASS_PATH}`]);
  });

  it('checks the arguments before asking', async () => {
    const cli = cliHarness({ api: ok, stdinIsTTY: true, confirm: true });
    expect(await cli.run('passes', 'revoke', 'solana/devnet', EVM_WALLET)).toBe(2);
    expect(cli.questions).toEqual([]);
    expect(cli.fake.seen).toHaveLength(0);
  });
});

/** A list endpoint over `total` passes, answering each page from the request's limit/skip. */
function listOf(total: number) {
  const pass = (i: number) =>
    passBody({ id: `p${i}`, walletAddress: `0x${i.toString(16).padStart(40, '0')}` });
  return (request: Seen) => {
    const { limit = 20, skip = 0 } = JSON.parse(request.body ?? '{}');
    const records = [];
    for (let i = skip; i < Math.min(total, skip + limit); i++) records.push(pass(i));
    return Response.json({ records });
  };
}

describe('civic-pass passes list', () => {
  it('lists one page as a table', async () => {
    const cli = cliHarness({ api: listOf(2) });
    expect(await cli.run('passes', 'list')).toBe(0);
    expect(cli.apiCalls()).toEqual(['POST /partner/pass {"limit":20,"skip":0}']);
    const lines = cli.stdout.text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^WALLET {40}CHAIN {5}NETWORK {14}STATE {6}ON CHAIN {3}LAST EVENT$/);
    expect(lines.slice(1)).toEqual([
      `0x${'0'.repeat(40)}    ethereum  sepolia              ACTIVE     ACTIVE`,
      `0x${'0'.repeat(39)}1    ethereum  sepolia              ACTIVE     ACTIVE`,
    ]);
  });

  it('sends the filter, limit and skip it was given', async () => {
    const cli = cliHarness({ api: listOf(0) });
    expect(
      await cli.run(
        'passes',
        'list',
        '--state',
        'FROZEN',
        '--wallet',
        EVM_WALLET,
        '--limit',
        '5',
        '--skip',
        '10',
        '--json',
      ),
    ).toBe(0);
    expect(cli.apiCalls()).toEqual([
      `POST /partner/pass {"limit":5,"skip":10,"filter":{"state":"FROZEN","walletAddress":"${EVM_WALLET}"}}`,
    ]);
    expect(JSON.parse(cli.stdout.text)).toEqual([]);
  });

  it('walks every page with --all and prints a JSON array, one pass per line', async () => {
    const cli = cliHarness({ api: listOf(5) });
    expect(await cli.run('passes', 'list', '--all', '--limit', '2', '--json')).toBe(0);
    expect(cli.apiCalls()).toEqual([
      'POST /partner/pass {"limit":2,"skip":0}',
      'POST /partner/pass {"limit":2,"skip":2}',
      'POST /partner/pass {"limit":2,"skip":4}',
    ]);
    const passes = JSON.parse(cli.stdout.text);
    expect(passes.map((p: { id: string }) => p.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(cli.stdout.text.split('\n')).toHaveLength(5 + 3);
    // Not a terminal: no progress line.
    expect(cli.stderr.text).toBe('');
  });

  it('shows progress on stderr when it is a terminal', async () => {
    const cli = cliHarness({ api: listOf(5), stderrIsTTY: true });
    expect(await cli.run('passes', 'list', '--all', '--limit', '2')).toBe(0);
    expect(cli.stderr.text).toBe(
      '\r\u001b[2Kfetched 2 passes…\r\u001b[2Kfetched 4 passes…\r\u001b[2Kfetched 5 passes\n',
    );
    expect(cli.stdout.text.trimEnd().split('\n')).toHaveLength(1 + 5);
  });

  it('wipes the progress line before a row only when stdout is the same terminal', async () => {
    const shared = cliHarness({ api: listOf(3), stderrIsTTY: true, stdoutIsTTY: true });
    expect(await shared.run('passes', 'list', '--all', '--limit', '2')).toBe(0);
    const row3 = shared.writes.findIndex(
      (w) => w.startsWith('out:0x') && w.includes('2    ethereum'),
    );
    expect(shared.writes.slice(row3 - 2, row3)).toEqual([
      'err:\r\u001b[2Kfetched 2 passes…',
      'err:\r\u001b[2K',
    ]);

    const apart = cliHarness({ api: listOf(3), stderrIsTTY: true, stdoutIsTTY: false });
    expect(await apart.run('passes', 'list', '--all', '--limit', '2')).toBe(0);
    const row3apart = apart.writes.findIndex(
      (w) => w.startsWith('out:0x') && w.includes('2    ethereum'),
    );
    expect(apart.writes[row3apart - 1]).toBe('err:\r\u001b[2Kfetched 2 passes…');
  });

  it('refuses --skip with --all', async () => {
    const cli = cliHarness({ api: listOf(5) });
    expect(await cli.run('passes', 'list', '--all', '--skip', '3')).toBe(2);
    expect(cli.fake.seen).toHaveLength(0);
  });

  it('keeps control characters a server sends out of the terminal', async () => {
    const cli = cliHarness({
      api: () =>
        Response.json({ records: [passBody({ state: 'ACTIVE\u001b[2J\u001b]0;pwned\u0007' })] }),
    });
    expect(await cli.run('passes', 'list')).toBe(0);
    const controls = [...cli.stdout.text].filter(
      (c) => c !== '\n' && (c.codePointAt(0) ?? 0) < 0x20,
    );
    expect(controls).toEqual([]);
    expect(cli.stdout.text).toContain('ACTIVE?[2J?]0;pwned?');
  });
});
