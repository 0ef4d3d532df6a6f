/**
 * `--data FILE`: the state survives a restart, and a crash mid-write loses nothing that was
 * acknowledged (the previous file stays whole; the unacknowledged change is not half-applied).
 */
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FileSystem, type Sandbox, startSandbox } from '../../src/testing/index.js';
import { apiCaller, evmWallet, passApi, token } from './support.js';

let dir: string;
let dataFile: string;
const open: Sandbox[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civic-sandbox-'));
  dataFile = join(dir, 'sandbox.json');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(fileSystem?: FileSystem) {
  const sandbox = await startSandbox({
    dataFile,
    clock: { frozen: true, start: Date.UTC(2030, 0, 1) },
    ...(fileSystem && { fileSystem }),
  });
  open.push(sandbox);
  return sandbox;
}

function connect(sandbox: Sandbox, bearer: string) {
  return passApi(apiCaller(sandbox, () => bearer).call);
}

describe('the data file', () => {
  it('keeps passes, events, PII requests, the clock and tokens across a restart', async () => {
    const first = await start();
    const bearer = await token(first, first.clientId, first.clientSecret);
    let passes = connect(first, bearer);
    for (let i = 1; i <= 3; i++) {
      await passes.issue('ethereum', 'sepolia', { walletAddress: evmWallet(i) });
    }
    first.clock.advance(2_000);
    await passes.patch('ethereum', 'sepolia', evmWallet(2), { state: 'FROZEN' });
    first.addPii({ id: 'kept' });
    const before = (await passes.list()).body.records;
    const now = first.clock.now();
    await first.close();

    const second = await start();
    passes = connect(second, bearer); // the token issued before the restart still works
    expect((await passes.list()).body.records).toEqual(before);
    expect(second.clock.now()).toBe(now);
    const pii = await apiCaller(second, () => bearer).call('getPii', 'GET', '/piirequest/kept');
    expect(pii.status).toBe(200);
    // Pending confirmations resume on the restored clock; new ids do not repeat old ones.
    second.clock.advance(2_000);
    expect((await passes.get('ethereum', 'sepolia', evmWallet(2))).body.onChainState).toBe(
      'FROZEN',
    );
    const fourth = await passes.issue('ethereum', 'sepolia', { walletAddress: evmWallet(4) });
    expect(before.map((p: any) => p.id)).not.toContain(fourth.body.id);
    // No token is stored as such: only digests.
    expect(readFileSync(dataFile, 'utf8')).not.toContain(bearer);
  });

  it('loses nothing acknowledged when the process dies mid-write', async () => {
    let crash = false;
    // A file system whose write stops halfway and throws, as a process killed mid-write would.
    const crashing: FileSystem = {
      ...fs,
      writeSync: ((fd: number, text: string) => {
        if (!crash) return fs.writeSync(fd, text);
        fs.writeSync(fd, text.slice(0, text.length / 2));
        throw new Error('killed mid-write');
      }) as FileSystem['writeSync'],
    };
    const sandbox = await start(crashing);
    const bearer = await token(sandbox, sandbox.clientId, sandbox.clientSecret);
    const passes = connect(sandbox, bearer);
    expect(
      (await passes.issue('ethereum', 'sepolia', { walletAddress: evmWallet(1) })).status,
    ).toBe(202);
    const acknowledged = readFileSync(dataFile, 'utf8');

    crash = true;
    const lost = await passes.issue('ethereum', 'sepolia', { walletAddress: evmWallet(2) });
    expect(lost).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
    expect(readFileSync(dataFile, 'utf8')).toBe(acknowledged);
    // Not acknowledged, so not applied: the running sandbox went back to the saved state.
    expect((await passes.list()).body.records.map((p: any) => p.walletAddress)).toEqual([
      evmWallet(1),
    ]);
    await sandbox.close();

    // A half-written temporary file left by a real crash is ignored on the next start.
    writeFileSync(`${dataFile}.12345.tmp`, acknowledged.slice(0, 40));
    const restarted = await start();
    const again = connect(restarted, bearer);
    expect((await again.list()).body.records.map((p: any) => p.walletAddress)).toEqual([
      evmWallet(1),
    ]);
    expect((await again.issue('ethereum', 'sepolia', { walletAddress: evmWallet(2) })).status).toBe(
      202,
    );
  });

  it('refuses to start on a file that is not a sandbox data file, and leaves it alone', async () => {
    writeFileSync(dataFile, '{"not": "ours"}');
    await expect(start()).rejects.toThrow(/not a sandbox data file/);
    writeFileSync(dataFile, 'garbage');
    await expect(start()).rejects.toThrow(/not JSON/);
    expect(readFileSync(dataFile, 'utf8')).toBe('garbage');
    dataFile = join(dir, 'no-such-folder', 'sandbox.json');
    await expect(start()).rejects.toThrow(/cannot write the data file/);
  });
});
