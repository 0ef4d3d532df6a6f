/**
 * The contract suite: for every operation of the spec and every status code it documents, one
 * case, run through the client against Prism. Success cases check that Prism saw a valid request
 * (no `sl-violations`) and that what the client returns validates against the spec's response
 * schema; error cases (`Prefer: code=…`) check the error class the status maps to. Every
 * success case runs again against Prism in dynamic mode (`--seed`), on generated bodies with
 * unknown extra properties. Prism reseeds for each request, so the same request gets the same
 * body whatever order the tests run in: a failure there is repeatable.
 */
import { describe, expect, inject, it } from 'vitest';
import { OPERATIONS } from '../../generated/api.js';
import { createCivicPassClient } from '../../src/client.js';
import { createResponseValidator } from '../../src/conformance/index.js';
import type { ApiError } from '../../src/errors.js';
import type { CallOptions } from '../../src/types.js';
import { fetchLog, type LoggedCall } from '../support/fetch-log.js';
import type { CoverageMeta } from '../support/phase-reporter.js';
import { CASES, expectedErrorClass, findUncovered, isSuccess } from './cases.js';

const env = inject('contract');
const responses = await createResponseValidator();

/**
 * Marks a case as covering `operationId status` (in `mode`); the phase reporter counts the marks
 * of the cases that passed and prints the coverage line at the end of the run.
 */
function covers(task: { meta: object }, op: { operationId: string }, status: number, mode: string) {
  (task.meta as CoverageMeta).covers = { operation: op.operationId, status, mode };
}

function client(baseUrl: string) {
  const log = fetchLog({ keepAnswers: true });
  const civic = createCivicPassClient({
    baseUrl,
    tokenUrl: env.tokenUrl,
    clientId: env.clientId,
    clientSecret: env.clientSecret,
    fetch: log.fetch,
  });
  return { civic, log };
}

const json = (call: LoggedCall) => JSON.parse(new TextDecoder().decode(call.answer?.body));

/** The checks every request to Prism must pass: sent with a token, and valid for the spec. */
function expectValidRequest(call: LoggedCall, op: (typeof OPERATIONS)[number]) {
  expect(call.method).toBe(op.method);
  expect(call.headers.get('authorization')).toMatch(/^Bearer mock-/);
  expect(call.answer?.headers.get('sl-violations') ?? null).toBeNull();
}

/** Checks a success answer and what the client made of it; returns nothing when all is right. */
async function expectSuccess(baseUrl: string, op: (typeof OPERATIONS)[number], status: number) {
  const testCase = CASES[op.operationId];
  const { civic, log } = client(baseUrl);
  const firstSuccess = op.statusCodes.find(isSuccess);
  const options: CallOptions =
    status === firstSuccess ? {} : { headers: { Prefer: `code=${status}` } };
  const value = await testCase.call(civic, options);
  const sent = log.to(baseUrl);
  expect(sent).toHaveLength(1);
  const call = sent[0] as LoggedCall;
  expectValidRequest(call, op);
  expect(call.answer?.status).toBe(status);
  const type = call.answer?.headers.get('content-type') ?? null;
  const documented = responses.contentTypes(op.operationId, status) ?? [];
  switch (testCase.returns) {
    case 'json':
      expect(responses.validate(op.operationId, status, 'application/json', value)).toEqual([]);
      // Nothing dropped or changed, unknown properties of the dynamic bodies included.
      expect(value).toEqual(json(call));
      break;
    case 'nothing':
      expect(value).toBeUndefined();
      // The client returns nothing, but the answer must still be what the spec documents.
      if (documented.length > 0) {
        expect(responses.validate(op.operationId, status, type ?? '', json(call))).toEqual([]);
      }
      break;
    case 'blob':
      expect(value).toBeInstanceOf(Blob);
      expect((value as Blob).size).toBe(call.answer?.body.length);
      expect(documented).toContain(type);
      break;
  }
}

describe('coverage of the spec', () => {
  it('has a case for every operation and every documented status code', () => {
    expect(findUncovered(OPERATIONS, CASES)).toEqual([]);
  });
});

describe.each(OPERATIONS.map((op) => [op.operationId, op] as const))('%s', (_id, op) => {
  for (const status of op.statusCodes) {
    if (isSuccess(status)) {
      it(`${status}: the client returns what the spec promises (static mock)`, async ({ task }) => {
        await expectSuccess(env.staticUrl, op, status);
        covers(task, op, status, 'static');
      });
      it(`${status}: the same on generated bodies (dynamic mock, seed ${env.dynamicSeed})`, async ({
        task,
      }) => {
        await expectSuccess(env.dynamicUrl, op, status);
        covers(task, op, status, 'dynamic');
      });
      continue;
    }
    const ErrorClass = expectedErrorClass(status);
    it(`${status} (Prefer: code=${status}): the client throws ${ErrorClass?.name}`, async ({
      task,
    }) => {
      const { civic, log } = client(env.staticUrl);
      // Retries are not the point here: Prism answers every retry of a 429 or 5xx the same.
      const error = await CASES[op.operationId]
        .call(civic, { headers: { Prefer: `code=${status}` }, maxRetries: 0 })
        .catch((e: unknown) => e);
      expect(ErrorClass).toBeDefined();
      expect(error).toBeInstanceOf(ErrorClass as NonNullable<typeof ErrorClass>);
      expect(error).toMatchObject({
        status,
        operationId: op.operationId,
        method: op.method,
        path: op.path,
      });
      const sent = log.to(env.staticUrl);
      // A 401 renews the token once and sends the same request again, never more.
      expect(sent).toHaveLength(status === 401 ? 2 : 1);
      for (const call of sent) {
        expectValidRequest(call, op);
        expect(call.headers.get('prefer')).toBe(`code=${status}`);
        expect(call.answer?.status).toBe(status);
      }
      if (status === 401) {
        expect(sent[0]?.answer?.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(sent[1]?.headers.get('authorization')).not.toBe(
          sent[0]?.headers.get('authorization'),
        );
        expect(sent[1]?.body).toBe(sent[0]?.body);
        expect(log.to(env.tokenUrl)).toHaveLength(2);
      }
      // The body the error carries is the one the spec documents for this status: every
      // documented error has the error body, with its stable code.
      const documented = responses.contentTypes(op.operationId, status) ?? [];
      expect(documented).toContain('application/json');
      const body = (error as ApiError).body;
      expect(responses.validate(op.operationId, status, 'application/json', body)).toEqual([]);
      expect(body).toMatchObject({ code: expect.stringMatching(/^[A-Z_]+$/) });
      if (status === 429) {
        // The spec documents Retry-After (seconds) on every 429.
        expect(sent[0]?.answer?.headers.get('retry-after')).toMatch(/^\d+$/);
      }
      covers(task, op, status, 'static');
    });
  }
});
