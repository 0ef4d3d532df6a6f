import { describe, expect, it } from 'vitest';
import { createCivicPassClient, createClientWithRuntime } from '../../src/client.js';
import {
  ConflictError,
  InputError,
  NotFoundError,
  TimeoutError,
  UnreachableStateError,
  WaitTimeoutError,
} from '../../src/index.js';
import {
  clientOptions,
  EVM_REF,
  fakeApi,
  fakeRuntime,
  hang,
  passBody,
  type Seen,
} from '../support/fake-api.js';

const notFound = () =>
  Response.json({ code: 'PASS_NOT_FOUND', message: 'no pass' }, { status: 404 });

/** Answers reads with the states given, one per read, the last one for ever after. */
function states(...script: (string | 404)[]) {
  return (request: Seen, index: number) => {
    if (request.method !== 'GET') return new Response(null, { status: 500 });
    const next = script[Math.min(index, script.length) - 1];
    return next === 404 ? notFound() : Response.json(passBody({ state: next }));
  };
}

function setup(api: (request: Seen, index: number) => Response, extra = {}) {
  const fake = fakeApi({ api });
  const time = fakeRuntime();
  const civic = createClientWithRuntime(
    clientOptions(fake.fetch, { maxRetries: 0, ...extra }),
    time.runtime,
  );
  return { civic, fake, time, gets: () => fake.apiRequests().length };
}

describe('passes.waitFor', () => {
  it('polls with backoff until the state is reached, and gives the pass', async () => {
    const { civic, time, gets } = setup(states('REQUESTED', 'REQUESTED', 'REQUESTED', 'ACTIVE'));
    const pass = await civic.passes.waitFor(EVM_REF, 'ACTIVE');
    expect(pass.state).toBe('ACTIVE');
    expect(gets()).toBe(4);
    expect(time.sleeps).toEqual([1000, 1500, 2250]);
  });

  it('reads once and sleeps never when the pass is already there', async () => {
    const { civic, time, gets } = setup(states('FROZEN'));
    expect((await civic.passes.waitFor(EVM_REF, 'FROZEN')).state).toBe('FROZEN');
    expect(gets()).toBe(1);
    expect(time.sleeps).toEqual([]);
  });

  it('takes a 404 right after issuing as "not visible yet"', async () => {
    const { civic, gets } = setup(states(404, 404, 'REQUESTED', 'ACTIVE'));
    expect((await civic.passes.waitFor(EVM_REF, 'ACTIVE')).state).toBe('ACTIVE');
    expect(gets()).toBe(4);
  });

  it('reports a 404 that lasts beyond the grace period as NotFoundError', async () => {
    const { civic, gets } = setup(states(404));
    await expect(
      civic.passes.waitFor(EVM_REF, 'ACTIVE', { notFoundGraceMs: 3_000, intervalMs: 1_000 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Reads at 0, 1 s and 2.5 s are in the grace period; the one at 4.75 s is not.
    expect(gets()).toBe(4);
  });

  it('gives up at timeoutMs, the whole wait, with what it saw last', async () => {
    const { civic, time, gets } = setup(states('REQUESTED'));
    const error = await civic.passes
      .waitFor(EVM_REF, 'ACTIVE', { timeoutMs: 10_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      wanted: 'ACTIVE',
      lastState: 'REQUESTED',
      polls: gets(),
      timeoutMs: 10_000,
    });
    expect((error as Error).message).toMatch(
      /did not become ACTIVE within 10000 ms \(still REQUESTED/,
    );
    // The pauses never run past the deadline.
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(gets()).toBe(time.sleeps.length);
  });

  it('ends at once when the pass is REVOKED: ACTIVE can never come', async () => {
    const { civic, time, gets } = setup(states('REQUESTED', 'REVOKED'));
    const error = await civic.passes.waitFor(EVM_REF, 'ACTIVE').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableStateError);
    expect(error).toMatchObject({ state: 'REVOKED', wanted: 'ACTIVE', code: 'UNREACHABLE_STATE' });
    expect(gets()).toBe(2);
    expect(time.sleeps).toHaveLength(1);
  });

  it('waits for REVOKED too', async () => {
    const { civic } = setup(states('ACTIVE', 'REVOKED'));
    expect((await civic.passes.waitFor(EVM_REF, 'REVOKED')).state).toBe('REVOKED');
  });

  it('passes other errors on at once', async () => {
    const { civic, gets } = setup(() =>
      Response.json({ code: 'X', message: 'no' }, { status: 403 }),
    );
    await expect(civic.passes.waitFor(EVM_REF, 'ACTIVE')).rejects.toMatchObject({ status: 403 });
    expect(gets()).toBe(1);
  });

  it('polls with the client own retries', async () => {
    let n = 0;
    const { civic, gets } = setup(
      () => (++n === 1 ? new Response(null, { status: 503 }) : Response.json(passBody())),
      { maxRetries: 1 },
    );
    expect((await civic.passes.waitFor(EVM_REF, 'ACTIVE')).state).toBe('ACTIVE');
    expect(gets()).toBe(2);
  });

  it('stops with the signal reason, sending nothing once aborted', async () => {
    const { civic, gets } = setup(states('REQUESTED'));
    const controller = new AbortController();
    controller.abort(new Error('user stop'));
    await expect(
      civic.passes.waitFor(EVM_REF, 'ACTIVE', { signal: controller.signal }),
    ).rejects.toThrow('user stop');
    expect(gets()).toBe(0);
  });

  it('stops a read in flight at the deadline', async () => {
    const fake = fakeApi({ api: (request) => hang(request.signal) });
    const civic = createCivicPassClient(clientOptions(fake.fetch, { maxRetries: 0 }));
    const error = await civic.passes
      .waitFor(EVM_REF, 'ACTIVE', { timeoutMs: 50 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ lastState: undefined, polls: 1 });
  });

  it('refuses bad arguments before reading', async () => {
    const { civic, gets } = setup(states('ACTIVE'));
    await expect(civic.passes.waitFor(EVM_REF, 'DONE' as 'ACTIVE')).rejects.toBeInstanceOf(
      InputError,
    );
    await expect(civic.passes.waitFor(EVM_REF, 'ACTIVE', { timeoutMs: -1 })).rejects.toBeInstanceOf(
      InputError,
    );
    // A timer beyond 2^31-1 ms fires at once: the wait would end before its first poll.
    for (const timeoutMs of [2 ** 31, Number.POSITIVE_INFINITY]) {
      await expect(civic.passes.waitFor(EVM_REF, 'ACTIVE', { timeoutMs })).rejects.toMatchObject({
        code: 'INPUT',
        field: 'timeoutMs',
      });
    }
    await expect(
      civic.passes.waitFor({ ...EVM_REF, wallet: 'x' }, 'ACTIVE'),
    ).rejects.toBeInstanceOf(InputError);
    expect(gets()).toBe(0);
  });
});

describe('passes.issueAndWait', () => {
  it('issues once, then waits for ACTIVE', async () => {
    let reads = 0;
    const { civic, fake } = setup((request) => {
      if (request.method === 'POST') {
        return Response.json(passBody({ state: 'REQUESTED' }), { status: 202 });
      }
      reads += 1;
      return reads < 3 ? notFound() : Response.json(passBody({ state: 'ACTIVE' }));
    });
    expect((await civic.passes.issueAndWait(EVM_REF)).state).toBe('ACTIVE');
    expect(fake.apiRequests().map((r) => r.method)).toEqual(['POST', 'GET', 'GET', 'GET']);
  });

  it('takes 409 PASS_EXISTS as issued, and waits', async () => {
    const { civic, fake } = setup((request) =>
      request.method === 'POST'
        ? Response.json({ code: 'PASS_EXISTS', message: 'exists' }, { status: 409 })
        : Response.json(passBody({ state: 'ACTIVE' })),
    );
    expect((await civic.passes.issueAndWait(EVM_REF)).state).toBe('ACTIVE');
    expect(fake.apiRequests().map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('reports any other 409 (PASS_REVOKED) without waiting', async () => {
    const { civic, fake } = setup(() =>
      Response.json({ code: 'PASS_REVOKED', message: 'revoked' }, { status: 409 }),
    );
    await expect(civic.passes.issueAndWait(EVM_REF)).rejects.toBeInstanceOf(ConflictError);
    expect(fake.apiRequests()).toHaveLength(1);
  });
});
