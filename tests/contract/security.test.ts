/**
 * Security and negative cases against Prism. Without a token every secured operation gets 401,
 * and the client never sends a request without one. Requests that break the spec are refused by
 * Prism, and the same inputs are refused by the client before anything is sent.
 */
import { describe, expect, inject, it } from 'vitest';
import { OPERATIONS, type OperationId } from '../../generated/api.js';
import { createCivicPassClient } from '../../src/client.js';
import { CivicPassError, InputError, TokenError } from '../../src/errors.js';
import { fetchLog } from '../support/fetch-log.js';
import { CASES, REF } from './cases.js';

const env = inject('contract');

const operation = (id: OperationId) =>
  OPERATIONS.find((op) => op.operationId === id) as (typeof OPERATIONS)[number];

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(params[name] ?? ''),
  );
}

/** Sends a request to Prism directly, bypassing the client (and its checks). */
function send(id: OperationId, params: Record<string, string>, body: unknown, token?: string) {
  const op = operation(id);
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${env.staticUrl}${fill(op.path, params)}`, {
    method: op.method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

const secured = OPERATIONS.filter((op) => op.scopes !== null).map((op) => op.operationId);

describe('without a token', () => {
  it('secures every operation of the spec', () => {
    expect(secured).toEqual(OPERATIONS.map((op) => op.operationId));
  });

  it.each(secured)('%s is refused by Prism with 401', async (id) => {
    const response = await send(id, CASES[id].params, CASES[id].body);
    expect(response.status).toBe(401);
    expect(response.headers.get('sl-violations')).toMatch(/security/i);
  });

  it.each(secured)(
    '%s is never sent by the client when the token endpoint refuses it',
    async (id) => {
      const log = fetchLog();
      const civic = createCivicPassClient({
        baseUrl: env.staticUrl,
        tokenUrl: env.tokenUrl,
        clientId: env.clientId,
        clientSecret: 'not-the-secret',
        fetch: log.fetch,
      });
      await expect(CASES[id].call(civic, {})).rejects.toBeInstanceOf(TokenError);
      expect(log.to(env.tokenUrl)).toHaveLength(1);
      expect(log.to(env.staticUrl)).toHaveLength(0);
    },
  );

  it('is not sent at all without credentials: the error names the variables', async () => {
    const log = fetchLog();
    const civic = createCivicPassClient({
      baseUrl: env.staticUrl,
      tokenUrl: env.tokenUrl,
      clientId: '',
      clientSecret: '',
      fetch: log.fetch,
    });
    const error = await civic.passes.get(REF).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CivicPassError);
    expect((error as Error).message).toMatch(/CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET/);
    expect(log.calls).toHaveLength(0);
  });
});

interface NegativeCase {
  name: string;
  operationId: OperationId;
  params: Record<string, string>;
  body?: unknown;
  /** What Prism answers: 422, which it prefers to 400 when an operation documents both. */
  prism: number;
  /** The same input given to the client. */
  call(civic: ReturnType<typeof createCivicPassClient>): Promise<unknown>;
  /** The field the client's InputError must name. */
  field: string;
}

const ref = CASES.getPass.params;
// Inputs the types already refuse; the casts let them through to the run-time checks.
const NEGATIVE: NegativeCase[] = [
  {
    name: 'a chainNetwork outside the enum in the path',
    operationId: 'getPass',
    params: { ...ref, chainNetwork: 'goerli' },
    prism: 422,
    call: (civic) => civic.passes.get({ ...REF, chainNetwork: 'goerli' } as never),
    field: 'chainNetwork',
  },
  {
    name: 'a chain outside the enum in the path',
    operationId: 'getPass',
    params: { ...ref, chain: 'bitcoin' },
    prism: 422,
    call: (civic) => civic.passes.get({ ...REF, chain: 'bitcoin' } as never),
    field: 'chain',
  },
  {
    name: 'a wallet that is no address in the path',
    operationId: 'deletePass',
    params: { ...ref, wallet: 'not-a-wallet' },
    prism: 422,
    call: (civic) => civic.passes.revoke({ ...REF, wallet: 'not-a-wallet' }),
    field: 'wallet',
  },
  {
    name: 'a chainNetwork outside the enum when issuing',
    operationId: 'issuePass',
    params: { chain: REF.chain, chainNetwork: 'goerli' },
    body: { walletAddress: REF.wallet },
    prism: 422,
    call: (civic) => civic.passes.issue({ ...REF, chainNetwork: 'goerli' } as never),
    field: 'chainNetwork',
  },
  {
    name: 'an issue body without its required walletAddress',
    operationId: 'issuePass',
    params: { chain: REF.chain, chainNetwork: REF.chainNetwork },
    body: {},
    prism: 422,
    call: (civic) => civic.passes.issue({ ...REF, wallet: undefined } as never),
    field: 'wallet',
  },
  {
    name: 'a state outside the enum in the body',
    operationId: 'patchPass',
    params: ref,
    body: { state: 'DELETED' },
    prism: 422,
    call: (civic) => civic.passes.update({ ...REF, state: 'DELETED' } as never),
    field: 'state',
  },
  {
    name: 'a state the spec does not let a PATCH set (REVOKED: revoking is a DELETE)',
    operationId: 'patchPass',
    params: ref,
    body: { state: 'REVOKED' },
    prism: 422,
    call: (civic) => civic.passes.update({ ...REF, state: 'REVOKED' } as never),
    field: 'state',
  },
  {
    name: 'a PATCH with nothing to change (minProperties: 1)',
    operationId: 'patchPass',
    params: ref,
    body: {},
    prism: 422,
    call: (civic) => civic.passes.update({ ...REF }),
    field: 'state',
  },
  {
    name: 'an expiry that is not whole seconds',
    operationId: 'patchPass',
    params: ref,
    body: { expiryTimestamp: 1_900_000_000.5 },
    prism: 422,
    call: (civic) => civic.passes.update({ ...REF, expiryTimestamp: 1_900_000_000.5 }),
    field: 'expiryTimestamp',
  },
  {
    name: 'a limit above the maximum of 100',
    operationId: 'listPass',
    params: {},
    body: { limit: 101, skip: 0 },
    prism: 422,
    call: (civic) => civic.passes.list({ limit: 101 }),
    field: 'limit',
  },
  {
    name: 'a negative skip',
    operationId: 'listPass',
    params: {},
    body: { limit: 20, skip: -1 },
    prism: 422,
    call: (civic) => civic.passes.list({ skip: -1 }),
    field: 'skip',
  },
  {
    name: 'a filter wallet that is no address',
    operationId: 'listPass',
    params: {},
    body: { limit: 20, skip: 0, filter: { walletAddress: 'not-a-wallet' } },
    prism: 422,
    call: (civic) => civic.passes.list({ filter: { walletAddress: 'not-a-wallet' } }),
    field: 'filter.walletAddress',
  },
  {
    name: 'a limit that is not a number',
    operationId: 'listPass',
    params: {},
    body: { limit: 'ten', skip: 0 },
    prism: 422,
    call: (civic) => civic.passes.list({ limit: 'ten' } as never),
    field: 'limit',
  },
  {
    name: 'a filter state outside the enum',
    operationId: 'listPass',
    params: {},
    body: { limit: 20, skip: 0, filter: { state: 'DELETED' } },
    prism: 422,
    call: (civic) => civic.passes.list({ filter: { state: 'DELETED' } } as never),
    field: 'filter.state',
  },
];

describe.each(NEGATIVE.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it(`is refused by Prism with ${c.prism}, naming the violation`, async () => {
    const response = await send(c.operationId, c.params, c.body, 'any-token');
    expect(response.status).toBe(c.prism);
    const violations =
      response.headers.get('sl-violations') ?? JSON.stringify((await response.json()).validation);
    expect(violations).toMatch(/must|required|allowed/);
  });

  it(`is refused by the client before sending: InputError on ${c.field}`, async () => {
    const log = fetchLog();
    const civic = createCivicPassClient({
      baseUrl: env.staticUrl,
      tokenUrl: env.tokenUrl,
      clientId: env.clientId,
      clientSecret: env.clientSecret,
      fetch: log.fetch,
    });
    const error = await c.call(civic).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: c.field });
    expect(log.calls).toHaveLength(0);
  });
});
