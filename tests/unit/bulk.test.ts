import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BulkResult, bulk } from '../../src/bulk.js';
import { createCivicPassClient } from '../../src/client.js';
import { InputError, type PassRef } from '../../src/index.js';
import { readJournal } from '../../src/journal.js';
import { type PassServer, startPassServer } from '../support/pass-server.js';

const wallet = (i: number) => `0x${i.toString(16).padStart(40, '0')}`;
const refs = (n: number): PassRef[] =>
  Array.from({ length: n }, (_, i) => ({
    chain: 'ethereum',
    chainNetwork: 'sepolia',
    wallet: wallet(i + 1),
  }));
const key = (ref: PassRef) => `${ref.chain}/${ref.chainNetwork}/${ref.wallet}`;

let dir: string;
let server: PassServer;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bulk-'));
  server = await startPassServer();
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function client(fetch?: typeof globalThis.fetch) {
  return createCivicPassClient({
    clientId: 'id',
    clientSecret: 'secret',
    baseUrl: server.baseUrl,
    tokenUrl: server.tokenUrl,
    maxRetries: 0,
    ...(fetch && { fetch }),
  });
}

describe('bulk', () => {
  it('issues every pass once, with bounded concurrency, and reports each', async () => {
    const items = refs(40);
    const results: BulkResult[] = [];
    const journal = path.join(dir, 'j');
    const summary = await bulk(client(), {
      action: 'issue',
      items,
      journal,
      concurrency: 4,
      onResult: (r) => results.push(r),
    });
    expect(summary).toMatchObject({ action: 'issue', total: 40, done: 40, failed: 0, inDoubt: 0 });
    expect(results).toHaveLength(40);
    expect(results.every((r) => r.outcome === 'done' && r.requestId === 'r-202')).toBe(true);
    for (const ref of items) expect(server.counts.get(`POST ${key(ref)}`)).toBe(1);
    expect(server.log).toHaveLength(40);

    // The same run again: everything is in the journal, nothing is sent.
    const again: BulkResult[] = [];
    const second = await bulk(client(), {
      action: 'issue',
      items,
      journal,
      onResult: (r) => again.push(r),
    });
    expect(second).toMatchObject({ done: 40, requests: 0 });
    expect(again.every((r) => r.fromJournal)).toBe(true);
    expect(server.log).toHaveLength(40);
  });

  it('acts once on a pass named twice', async () => {
    const [a] = refs(1) as [PassRef];
    const summary = await bulk(client(), {
      action: 'issue',
      items: [a, a],
      journal: path.join(dir, 'j'),
    });
    expect(summary.total).toBe(1);
    expect(server.log).toEqual([`POST ${key(a)}`]);
  });

  it('counts 409 PASS_EXISTS as done for issue, PASS_REVOKED as done for revoke', async () => {
    const [a, b] = refs(2) as [PassRef, PassRef];
    server.passes.set(key(a), { state: 'ACTIVE' });
    server.passes.set(key(b), { state: 'REVOKED' });
    const results: BulkResult[] = [];
    const issued = await bulk(client(), {
      action: 'issue',
      items: [a],
      journal: path.join(dir, 'i'),
      onResult: (r) => results.push(r),
    });
    expect(issued).toMatchObject({ done: 1, failed: 0 });
    expect(results[0]).toMatchObject({ outcome: 'done', already: true });
    const revoked = await bulk(client(), {
      action: 'revoke',
      items: [a, b],
      journal: path.join(dir, 'r'),
    });
    expect(revoked).toMatchObject({ done: 2, failed: 0 });
    expect(server.passes.get(key(a))?.state).toBe('REVOKED');
  });

  it('records a refusal of the API as failed, and does not try it again on the next run', async () => {
    const [a] = refs(1) as [PassRef];
    server.passes.set(key(a), { state: 'REQUESTED' });
    const journal = path.join(dir, 'j');
    const results: BulkResult[] = [];
    const first = await bulk(client(), {
      action: 'freeze',
      items: [a],
      journal,
      onResult: (r) => results.push(r),
    });
    expect(first).toMatchObject({ done: 0, failed: 1 });
    expect(results[0]?.error).toMatchObject({ code: 'CONFLICT', status: 409 });
    await bulk(client(), { action: 'freeze', items: [a], journal });
    expect(server.log).toEqual([`PATCH ${key(a)}`]);
  });

  it('leaves a pass without an answer in doubt, and settles it by reading on the next run', async () => {
    const items = refs(3);
    const journal = path.join(dir, 'j');
    // The second wallet's request reaches the server, but its answer is lost.
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(init?.body ?? '').includes(wallet(2))) throw new TypeError('fetch failed');
      return response;
    };
    const first = await bulk(client(lossy), { action: 'issue', items, journal });
    expect(first).toMatchObject({ done: 2, inDoubt: 1 });
    expect((await readJournal(journal))?.inDoubt.has(key(items[1] as PassRef))).toBe(true);

    const results: BulkResult[] = [];
    const second = await bulk(client(), {
      action: 'issue',
      items,
      journal,
      onResult: (r) => results.push(r),
    });
    expect(second).toMatchObject({ done: 3, inDoubt: 0, requests: 1 });
    // One read settled it: no second issue request for that wallet.
    expect(server.counts.get(`POST ${key(items[1] as PassRef)}`)).toBe(1);
    expect(server.counts.get(`GET ${key(items[1] as PassRef)}`)).toBe(1);
    expect(results.find((r) => r.wallet === wallet(2))).toMatchObject({
      outcome: 'done',
      already: true,
    });
  });

  it('sends an in-doubt issue whose pass stays unknown once the read lag has passed', async () => {
    const [a] = refs(1) as [PassRef];
    const journal = path.join(dir, 'j');
    // A run that wrote its intent and died before sending.
    await writeFile(
      journal,
      `${JSON.stringify({ journal: 'civic-pass bulk', version: 1, action: 'issue' })}\n${JSON.stringify({ intent: key(a), ts: 0 })}\n{"end":"tor`,
    );
    const summary = await bulk(client(), {
      action: 'issue',
      items: [a],
      journal,
      readLagMs: 1_000,
    });
    expect(summary).toMatchObject({ done: 1 });
    expect(server.log).toEqual([`GET ${key(a)}`, `POST ${key(a)}`]);
    // The torn line did not swallow the records after it.
    expect((await readJournal(journal))?.ended.get(key(a))).toEqual({ outcome: 'done' });
  });

  it('refuses a journal of another action, and another expiry', async () => {
    const items = refs(1);
    const journal = path.join(dir, 'j');
    server.passes.set(key(items[0] as PassRef), { state: 'ACTIVE' });
    await bulk(client(), { action: 'expire', items, journal, at: 2_000_000_000 });
    expect(server.passes.get(key(items[0] as PassRef))?.expiryTimestamp).toBe(2_000_000_000);
    await expect(bulk(client(), { action: 'revoke', items, journal })).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(
      bulk(client(), { action: 'expire', items, journal, at: 2_100_000_000 }),
    ).rejects.toThrow(/another expiry/);
    // Without `at`, a resumed expire keeps the journal's.
    expect(await bulk(client(), { action: 'expire', items, journal })).toMatchObject({
      done: 1,
      requests: 0,
    });
    expect(JSON.parse((await readFile(journal, 'utf8')).split('\n')[0] as string).at).toBe(
      2_000_000_000,
    );
  });

  it('checks every pass before sending anything', async () => {
    const bad = [
      ...refs(2),
      { chain: 'ethereum', chainNetwork: 'sepolia', wallet: 'nope' } as PassRef,
    ];
    await expect(
      bulk(client(), { action: 'issue', items: bad, journal: path.join(dir, 'j') }),
    ).rejects.toBeInstanceOf(InputError);
    expect(server.log).toEqual([]);
  });
});
