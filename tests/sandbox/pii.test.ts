/**
 * PII requests: seeded from options or the control API, readable with links on the sandbox's
 * origin, decided once, evidence downloadable; every answer checked against the spec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { apiCaller, token } from './support.js';

let sandbox: Sandbox;
let api: ReturnType<typeof apiCaller>;

beforeAll(async () => {
  sandbox = await startSandbox({
    clock: { frozen: true, start: Date.UTC(2030, 0, 1) },
    pii: [
      {
        id: 'ready-1',
        evidence: { idDocumentFront: 'front bytes', selfie: new Uint8Array([1, 2, 3]) },
      },
      { id: 'waiting-1', status: 'awaiting-user' },
    ],
  });
  const bearer = await token(sandbox, sandbox.clientId, sandbox.clientSecret);
  api = apiCaller(sandbox, () => bearer);
});
afterAll(() => sandbox.close());

const decide = (id: string, status: unknown) =>
  api.call('updatePiiReceipt', 'PUT', `/piirequest/${id}/status`, { status });

describe('PII requests', () => {
  it('reads a seeded request with links to its evidence, and downloads the evidence', async () => {
    const read = await api.call('getPii', 'GET', '/piirequest/ready-1');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: 'ready-1',
      status: 'verification-success',
      updateDate: '2030-01-01T00:00:00.000Z',
    });
    expect(read.body.links).toEqual([
      { rel: 'self', href: `${sandbox.baseUrl}/piirequest/ready-1` },
      {
        rel: 'idDocumentFront',
        href: `${sandbox.baseUrl}/piirequest/ready-1/evidence/idDocumentFront`,
      },
      { rel: 'selfie', href: `${sandbox.baseUrl}/piirequest/ready-1/evidence/selfie` },
    ]);
    const front = await api.call(
      'getPiiEvidence',
      'GET',
      '/piirequest/ready-1/evidence/idDocumentFront',
    );
    expect(front.status).toBe(200);
    expect(front.headers.get('content-type')).toBe('application/octet-stream');
    expect(`${front.body}`).toBe('front bytes');
    const selfie = await api.call('getPiiEvidence', 'GET', '/piirequest/ready-1/evidence/selfie');
    expect([...selfie.body]).toEqual([1, 2, 3]);
    const missing = await api.call('getPiiEvidence', 'GET', '/piirequest/ready-1/evidence/back');
    expect(missing).toMatchObject({ status: 404, body: { code: 'EVIDENCE_NOT_FOUND' } });
    const self = await api.call('getPiiEvidence', 'GET', '/piirequest/ready-1/evidence/self');
    expect(self.status).toBe(404);
  });

  it('is decided once, and only when verified', async () => {
    expect((await decide('ready-1', 'approve')).body).toMatchObject({
      code: 'INVALID_REQUEST',
      field: 'status',
    });
    expect(await decide('ready-1', 'partner-pass')).toMatchObject({ status: 200, body: null });
    expect((await api.call('getPii', 'GET', '/piirequest/ready-1')).body.status).toBe(
      'partner-pass',
    );
    const again = await decide('ready-1', 'partner-fail');
    expect(again).toMatchObject({ status: 409, body: { code: 'PII_ALREADY_DECIDED' } });
    const early = await decide('waiting-1', 'partner-pass');
    expect(early).toMatchObject({ status: 409, body: { code: 'PII_NOT_READY' } });
    expect((await decide('nobody', 'partner-pass')).body.code).toBe('PII_REQUEST_NOT_FOUND');
  });

  it('creates requests through the control API, and refuses bad seeds', async () => {
    const create = (body: unknown) =>
      fetch(`${sandbox.controlUrl}/pii`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await create({ evidence: { idDocumentBack: 'back' } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const read = await api.call('getPii', 'GET', `/piirequest/${id}`);
    expect(read.body.links.map((l: any) => l.rel)).toEqual(['self', 'idDocumentBack']);
    expect(await decide(id, 'partner-fail')).toMatchObject({ status: 200 });

    expect((await create({ id: 'ready-1' })).status).toBe(400);
    expect((await create({ id: 'bad id' })).status).toBe(400);
    expect((await create({ status: 'done' })).status).toBe(400);
    expect((await create({ verifiedInformation: 'x' })).status).toBe(400);
    expect((await create({ evidence: { front: 5 } })).status).toBe(400);
    expect((await create({ type: 3 })).status).toBe(400);
    const listed = await fetch(`${sandbox.controlUrl}/pii`);
    expect(((await listed.json()) as any).records).toHaveLength(3);
  });
});
