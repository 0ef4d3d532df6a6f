import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { wallets, writeCsv } from '../../support/bulk-kill.js';
import { cliHarness } from '../../support/cli.js';
import { type PassServer, startPassServer } from '../../support/pass-server.js';

let dir: string;
let server: PassServer;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cli-bulk-'));
  server = await startPassServer();
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const harness = (extra: Parameters<typeof cliHarness>[0] = {}) =>
  cliHarness({ env: server.env, realFetch: true, ...extra });

describe('civic-pass passes <action> --from FILE', () => {
  it('issues every wallet of a CSV once and ends with a summary line scripts can read', async () => {
    const file = path.join(dir, 'w.csv');
    const list = wallets(30);
    await writeCsv(file, list);
    const cli = harness();
    expect(await cli.run('passes', 'issue', '--from', file)).toBe(0);
    expect(cli.stdout.text).toBe('issue: 30 of 30 done, 0 failed\n');
    // Not a terminal: no progress line.
    expect(cli.stderr.text).toBe('');
    for (const w of list) expect(server.counts.get(`POST ethereum/sepolia/${w}`)).toBe(1);
    const results = (await readFile(`${file}.results.jsonl`, 'utf8')).trim().split('\n');
    expect(results.map((l) => JSON.parse(l).outcome)).toEqual(Array(30).fill('done'));

    // Again: resumed from the journal, nothing sent, the same summary.
    const again = harness();
    expect(await again.run('passes', 'issue', '--from', file, '--json')).toBe(0);
    expect(JSON.parse(again.stdout.text)).toMatchObject({
      action: 'issue',
      total: 30,
      done: 30,
      failed: 0,
      inDoubt: 0,
      requests: 0,
      journal: `${file}.journal`,
    });
    expect(server.log).toHaveLength(30);
  });

  it('reads JSON lines with chainNetwork or network, and writes where it is told', async () => {
    const file = path.join(dir, 'w.jsonl');
    const [a, b] = wallets(2) as [string, string];
    server.passes.set(`ethereum/sepolia/${a}`, { state: 'ACTIVE' });
    server.passes.set(`ethereum/polygonAmoy/${b}`, { state: 'REQUESTED' });
    await writeFile(
      file,
      `{"chain":"ethereum","chainNetwork":"sepolia","wallet":"${a}"}\n{"chain":"ethereum","network":"polygonAmoy","wallet":"${b}"}\n`,
    );
    const results = path.join(dir, 'out.jsonl');
    const journal = path.join(dir, 'freeze.journal');
    const cli = harness();
    const code = await cli.run(
      'passes',
      'freeze',
      '--from',
      file,
      '--journal',
      journal,
      '--results',
      results,
    );
    // The REQUESTED pass cannot be frozen: the API says so, and the run says it failed.
    expect(code).toBe(1);
    expect(cli.stdout.text).toBe('freeze: 1 of 2 done, 1 failed\n');
    const lines = (await readFile(results, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.find((l) => l.wallet === b)).toMatchObject({
      outcome: 'failed',
      error: { status: 409 },
    });
    expect((await readFile(journal, 'utf8')).split('\n')[0]).toContain('"action":"freeze"');
  });

  it('refuses a file with bad lines before sending anything, naming them', async () => {
    const file = path.join(dir, 'bad.csv');
    await writeFile(
      file,
      `chain,network,wallet\nethereum,sepolia,${wallets(1)[0]}\nethereum,polygonamoy,${wallets(1)[0]}\nsolana,devnet,0x12\n`,
    );
    const cli = harness();
    expect(await cli.run('passes', 'issue', '--from', file)).toBe(2);
    expect(cli.stderr.text).toMatch(
      /2 bad lines, nothing was sent: line 3: .*did you mean ethereum\/polygonAmoy.*line 4: /,
    );
    expect(server.log).toEqual([]);
  });

  it('refuses a CSV without the header row', async () => {
    const file = path.join(dir, 'nohead.csv');
    await writeFile(file, `ethereum,sepolia,${wallets(1)[0]}\n`);
    const cli = harness();
    expect(await cli.run('passes', 'issue', '--from', file)).toBe(2);
    expect(cli.stderr.text).toMatch(/first line must be a header naming chain, network and wallet/);
  });

  it('shows a progress line on a terminal, wiped before the summary', async () => {
    const file = path.join(dir, 'w.csv');
    await writeCsv(file, wallets(5));
    const cli = harness({ stderrIsTTY: true });
    expect(await cli.run('passes', 'issue', '--from', file)).toBe(0);
    const clear = '\r\u001b[2K';
    expect(cli.stderr.text.startsWith(`${clear}issue: 1 of 5, 0 failed…`)).toBe(true);
    expect(cli.stderr.text.endsWith(clear)).toBe(true);
    expect(cli.writes.at(-1)).toBe('out:issue: 5 of 5 done, 0 failed\n');
  });

  it('asks once before revoking, with the count; refuses without a terminal unless --yes', async () => {
    const file = path.join(dir, 'w.csv');
    const list = wallets(4);
    await writeCsv(file, list);
    for (const w of list) server.passes.set(`ethereum/sepolia/${w}`, { state: 'ACTIVE' });

    const noTerminal = harness();
    expect(await noTerminal.run('passes', 'revoke', '--from', file)).toBe(2);
    expect(noTerminal.stderr.text).toMatch(/no terminal to confirm 4 revocations on.*--yes/);

    const declined = harness({ stdinIsTTY: true, confirm: false });
    expect(await declined.run('passes', 'revoke', '--from', file)).toBe(1);
    expect(declined.questions).toEqual([
      expect.stringMatching(/^Revoke 4 passes\? This cannot be undone/),
    ]);
    expect(server.log).toEqual([]);

    const yes = harness({ stdinIsTTY: true, confirm: true });
    expect(await yes.run('passes', 'revoke', '--from', file)).toBe(0);
    expect(yes.questions).toHaveLength(1);
    expect(yes.stdout.text).toBe('revoke: 4 of 4 done, 0 failed\n');
  });

  it('refuses --from with a wallet, --wait with --from, and bulk options without --from', async () => {
    const cli = harness();
    expect(
      await cli.run('passes', 'issue', 'ethereum/sepolia', wallets(1)[0] as string, '--from', 'x'),
    ).toBe(2);
    expect(await cli.run('passes', 'issue', '--from', 'x', '--wait')).toBe(2);
    expect(
      await cli.run(
        'passes',
        'freeze',
        'ethereum/sepolia',
        wallets(1)[0] as string,
        '--journal',
        'j',
      ),
    ).toBe(2);
    expect(await cli.run('passes', 'freeze', 'ethereum/sepolia')).toBe(2);
    expect(cli.stderr.text).toMatch(/missing required argument 'wallet'/);
    expect(server.log).toEqual([]);
  });
});

// Bulk runs killed with SIGKILL and resumed, counted by the server: tests/slow/bulk-kill.test.ts.
