/**
 * Forward compatibility: answers may carry enum values this spec does not know (a newer API's
 * network or state) and reads still succeed, unless the client opted into `strictEnums`; what
 * the client sends stays checked against the spec.
 */
import { describe, expect, it } from 'vitest';
import { createCivicPassClient } from '../../src/client.js';
import { unknownEnumValue } from '../../src/enums.js';
import { InputError, InvalidResponseError } from '../../src/errors.js';
import { clientOptions, EVM_REF, fakeApi, passBody } from '../support/fake-api.js';

const newer = passBody({
  state: 'SUSPENDED',
  chain: { type: 'ethereum', network: 'someNewChain' },
  events: [
    { eventType: 'TOKEN_ISSUED', timestamp: 1 },
    { eventType: 'TOKEN_MIGRATED', timestamp: 2 },
  ],
});

function setup(extra: Record<string, unknown> = {}) {
  const api = fakeApi({
    api: (request) =>
      request.method === 'POST' && request.path === '/partner/pass'
        ? Response.json({ records: [newer] })
        : Response.json(newer),
  });
  const civic = createCivicPassClient(clientOptions(api.fetch, { maxRetries: 0, ...extra }));
  return { api, civic };
}

describe('answers with enum values the spec does not list', () => {
  it('are passed through by default, in get and list alike', async () => {
    const { civic, api } = setup();
    const pass = await civic.passes.get(EVM_REF);
    expect(pass.state).toBe('SUSPENDED');
    expect(pass.chain.network).toBe('someNewChain');
    const page = await civic.passes.list();
    expect(page.records[0]?.events[1]?.eventType).toBe('TOKEN_MIGRATED');
    expect(api.apiRequests()).toHaveLength(2);
  });

  it('are refused with strictEnums, naming where the value is and the value', async () => {
    const { civic, api } = setup({ strictEnums: true });
    const error = await civic.passes.get(EVM_REF).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(
      /chain\.network "someNewChain", a value the spec does not list/,
    );
    await expect(civic.passes.list()).rejects.toThrow(
      /records\[0\]\.chain\.network "someNewChain"/,
    );
    expect(api.apiRequests()).toHaveLength(2);
  });

  it('strictEnums lets known values through, and must be a boolean', async () => {
    const api = fakeApi({
      api: () => Response.json(passBody({ events: [{ eventType: 'TOKEN_ISSUED', timestamp: 1 }] })),
    });
    const civic = createCivicPassClient(clientOptions(api.fetch, { strictEnums: true }));
    await expect(civic.passes.get(EVM_REF)).resolves.toMatchObject({ state: 'ACTIVE' });
    expect(() => createCivicPassClient(clientOptions(api.fetch, { strictEnums: 'yes' }))).toThrow(
      /strictEnums must be true or false/,
    );
  });

  it('finds the first unknown value at any depth of the generated enum places', () => {
    expect(unknownEnumValue('getPass', passBody())).toBeUndefined();
    expect(unknownEnumValue('getPass', newer)).toEqual({
      at: 'chain.network',
      value: 'someNewChain',
    });
    expect(unknownEnumValue('getPii', { status: 'under-review' })).toEqual({
      at: 'status',
      value: 'under-review',
    });
  });
});

describe('what the client sends stays exact', () => {
  it('refuses an unknown network before sending, whatever strictEnums says', async () => {
    const { civic, api } = setup();
    const ref = { ...EVM_REF, chainNetwork: 'someNewChain' } as unknown as typeof EVM_REF;
    await expect(civic.passes.get(ref)).rejects.toBeInstanceOf(InputError);
    expect(api.seen).toHaveLength(0);
  });

  it('refuses a key of issue’s options that is neither a call option nor a field of the body', async () => {
    const { civic, api } = setup();
    const options = { referenceId: 'order-1' } as unknown as Parameters<
      typeof civic.passes.issue
    >[1];
    const error = await civic.passes.issue(EVM_REF, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'referenceId' });
    expect((error as Error).message).toMatch(
      /not an option or a field of issuePass \(allowed: signal, timeoutMs, attemptTimeoutMs, maxRetries, maxResponseBytes, headers, walletAddress\)/,
    );
    expect(api.seen).toHaveLength(0);
  });

  it('takes every call option in issue’s options, none of them sent in the body', async () => {
    const { civic, api } = setup();
    await civic.passes.issue(EVM_REF, {
      signal: new AbortController().signal,
      timeoutMs: 5_000,
      attemptTimeoutMs: 2_000,
      maxRetries: 0,
      maxResponseBytes: 65_536,
      headers: { 'x-trace': 'a' },
    });
    const issues = api.seen.filter((request) => request.path.startsWith('/partner/pass/'));
    expect(issues).toHaveLength(1);
    expect(JSON.parse(issues[0]?.body ?? '')).toEqual({ walletAddress: EVM_REF.wallet });
  });
});
