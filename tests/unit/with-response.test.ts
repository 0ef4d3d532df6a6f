import { describe, expect, expectTypeOf, it } from 'vitest';
import { ApiPromise, type WithResponse } from '../../src/api-promise.js';
import { createCivicPassClient } from '../../src/client.js';
import { InputError, NotFoundError, type Pass, type PassPage } from '../../src/index.js';
import { clientOptions, EVM_REF, fakeApi, passBody } from '../support/fake-api.js';

function setup(answer: () => Response) {
  const api = fakeApi({ api: answer });
  const civic = createCivicPassClient(clientOptions(api.fetch, { maxRetries: 0 }));
  return { api, civic };
}

const headers = { 'x-request-id': 'req-42', 'x-custom': 'yes' };

describe('withResponse(): request id, status and headers of a successful call', () => {
  it('gives the data with the answer of the one request sent', async () => {
    const { api, civic } = setup(() =>
      Response.json(passBody({ state: 'REQUESTED' }), { status: 202, headers }),
    );
    const result = await civic.passes.issue(EVM_REF).withResponse();
    expect(result.data.state).toBe('REQUESTED');
    expect(result.requestId).toBe('req-42');
    expect(result.status).toBe(202);
    expect(result.headers.get('x-custom')).toBe('yes');
    expect(api.apiRequests()).toHaveLength(1);
    expectTypeOf(result).toEqualTypeOf<WithResponse<Pass>>();
  });

  it('works on every kind of call: changes (no data), pages, PII', async () => {
    const { civic } = setup(() => Response.json({ records: [], ok: true }, { headers }));
    const freeze = await civic.passes.freeze(EVM_REF).withResponse();
    expect(freeze).toMatchObject({ data: undefined, requestId: 'req-42', status: 200 });
    expect((await civic.passes.expire(EVM_REF, { at: 2e9 }).withResponse()).requestId).toBe(
      'req-42',
    );
    expect((await civic.passes.revoke(EVM_REF).withResponse()).requestId).toBe('req-42');
    const page = await civic.passes.list().withResponse();
    expectTypeOf(page.data).toEqualTypeOf<PassPage>();
    expect(page.data.records).toEqual([]);
    expect((await civic.pii.approve('abc').withResponse()).requestId).toBe('req-42');
  });

  it('is undefined when the answer carries no request id', async () => {
    const { civic } = setup(() => Response.json(passBody()));
    expect((await civic.passes.get(EVM_REF).withResponse()).requestId).toBeUndefined();
  });

  it('keeps awaiting the call as before: a Promise of the data, errors as rejections', async () => {
    const { civic } = setup(() => Response.json(passBody(), { headers }));
    const call = civic.passes.get(EVM_REF);
    expect(call).toBeInstanceOf(Promise);
    expect(call).toBeInstanceOf(ApiPromise);
    const asPromise: Promise<Pass> = call;
    expect((await asPromise).id).toBe('p1');
    expect(await call.then((pass) => pass.walletAddress)).toBe(EVM_REF.wallet);
    const [settled] = await Promise.allSettled([civic.passes.get(EVM_REF)]);
    expect(settled).toMatchObject({ status: 'fulfilled', value: { id: 'p1' } });
    // A derived promise is a plain Promise.
    expect(call.then(() => 1)).not.toBeInstanceOf(ApiPromise);
  });

  it('rejects both ways on an API error, and on bad input before anything is sent', async () => {
    const { api, civic } = setup(() =>
      Response.json({ code: 'PASS_NOT_FOUND', message: 'no' }, { status: 404, headers }),
    );
    await expect(civic.passes.get(EVM_REF)).rejects.toBeInstanceOf(NotFoundError);
    await expect(civic.passes.get(EVM_REF).withResponse()).rejects.toMatchObject({
      requestId: 'req-42',
    });
    const bad = { ...EVM_REF, wallet: 'nope' };
    await expect(civic.passes.get(bad)).rejects.toBeInstanceOf(InputError);
    await expect(civic.passes.freeze(bad).withResponse()).rejects.toBeInstanceOf(InputError);
    await expect(civic.passes.expire(bad).catch((e: Error) => e.name)).resolves.toBe('InputError');
    expect(api.apiRequests()).toHaveLength(2);
  });

  it('sends one request whether the data, the response, or both are asked for', async () => {
    const { api, civic } = setup(() => Response.json(passBody(), { headers }));
    const call = civic.passes.get(EVM_REF);
    const [pass, full] = await Promise.all([call, call.withResponse()]);
    expect(full.data).toBe(pass);
    expect(api.apiRequests()).toHaveLength(1);
  });
});
