/**
 * The per-response checks (`evaluate` in src/conformance/checks/response.ts), each violation
 * with its exact message, and the basic reads of each operation with what they learn and when
 * they are skipped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Expectation, evaluate } from '../../src/conformance/checks/response.js';
import { operation } from '../../src/conformance/context.js';
import { type Exchange, exampleParams } from '../../src/conformance/index.js';
import { createResponseValidator, type ResponseValidator } from '../../src/conformance/schemas.js';
import { type Defect, jsonAnswer } from '../support/defect-proxy.js';
import { PASS_EXAMPLE } from '../support/examples.js';
import { issued, notPassed, resultOf, runChecks, sent } from './checks-harness.js';

let responses: ResponseValidator;
beforeAll(async () => {
  responses = await createResponseValidator();
});

/** An answer to judge. */
function exchange(status: number, body = '', headers: Record<string, string> = {}): Exchange {
  return {
    method: 'GET',
    url: 'http://127.0.0.1:1/partner/x',
    authorized: true,
    status,
    headers: new Headers(headers),
    body: new TextEncoder().encode(body),
  };
}
const documented = (id: string) => operation(id).statusCodes.join(', ');
const JSON_TYPE = { 'content-type': 'application/json' };
const ERROR = JSON.stringify({ code: 'PASS_NOT_FOUND', message: 'no pass' });
const judge = (
  id: string,
  answer: Exchange,
  expectation: Expectation = { statuses: [] },
): string[] => evaluate(answer, operation(id), expectation, responses);

describe('evaluate', () => {
  it('passes a documented answer that matches its schema', () => {
    expect(judge('getPass', exchange(200, JSON.stringify(PASS_EXAMPLE), JSON_TYPE))).toEqual([]);
    expect(judge('getPass', exchange(404, ERROR, JSON_TYPE), { statuses: [200, 404] })).toEqual([]);
  });

  it('names the expected statuses, or says what the check says', () => {
    expect(judge('getPass', exchange(404, ERROR, JSON_TYPE), { statuses: [200, 409] })).toEqual([
      'expected status 200 or 409, got 404',
    ]);
    expect(
      judge('getPass', exchange(404, ERROR, JSON_TYPE), {
        statuses: [200],
        mismatch: (status) => `answered ${status}`,
      }),
    ).toEqual(['answered 404']);
  });

  it('reports a server error with the first bytes of its body', () => {
    expect(
      judge('getPass', exchange(500, '{"code":"INTERNAL",\n "message":"boom"}', JSON_TYPE)),
    ).toEqual([
      'response.server-error: getPass answered 500: {"code":"INTERNAL", "message":"boom"}',
    ]);
  });

  it('names a 501 as not implemented, and judges nothing else of it', () => {
    expect(judge('getPiiEvidence', exchange(501, 'nope'), { statuses: [200] })).toEqual([
      'expected status 200, got 501',
      'response.server-error: getPiiEvidence answered 501: nope',
      `response.status-documented: 501 Not Implemented: the server does not implement getPiiEvidence (documented: ${documented('getPiiEvidence')})`,
    ]);
  });

  it.each([
    ['', 'response.error-body: getPass answered 404 with no error body'],
    [
      'not json',
      'response.error-body: getPass answered 404 without an error body { code, message }: not json',
    ],
    [
      'null',
      'response.error-body: getPass answered 404 without an error body { code, message }: null',
    ],
    [
      '"PASS_NOT_FOUND"',
      'response.error-body: getPass answered 404 without an error body { code, message }: "PASS_NOT_FOUND"',
    ],
    [
      '{"code":404,"message":"no pass"}',
      'response.error-body: getPass answered 404 without an error body { code, message }: {"code":404,"message":"no pass"}',
    ],
    [
      '{"code":"PASS_NOT_FOUND"}',
      'response.error-body: getPass answered 404 without an error body { code, message }: {"code":"PASS_NOT_FOUND"}',
    ],
  ])('wants an error body { code, message }: %j', (body, violation) => {
    const violations = judge('getPass', exchange(404, body, JSON_TYPE));
    expect(violations[0]).toBe(violation);
  });

  it('reports an undocumented status with its body, or without one', () => {
    expect(judge('getPass', exchange(418, '{"code":"TEA","message":"pot"}', JSON_TYPE))).toEqual([
      `response.status-documented: status 418 is not documented for getPass (documented: ${documented('getPass')}): {"code":"TEA","message":"pot"}`,
    ]);
    expect(judge('getPass', exchange(302))).toEqual([
      `response.status-documented: status 302 is not documented for getPass (documented: ${documented('getPass')})`,
    ]);
  });

  it('accepts an undocumented status the check expects (405), and judges its error body', () => {
    const refused = exchange(405, '{"code":"METHOD_NOT_ALLOWED","message":"no"}', JSON_TYPE);
    expect(judge('listPass', refused, { statuses: [405], undocumented: true })).toEqual([]);
    expect(judge('listPass', exchange(405), { statuses: [405], undocumented: true })).toEqual([
      'response.error-body: listPass answered 405 with no error body',
    ]);
    expect(judge('listPass', refused, { statuses: [400], undocumented: true })).toEqual([
      'expected status 400, got 405',
      `response.status-documented: status 405 is not documented for listPass (documented: ${documented('listPass')}): {"code":"METHOD_NOT_ALLOWED","message":"no"}`,
    ]);
  });

  it("reports a mock's sl-violations only for a request meant to be valid", () => {
    const flagged = exchange(404, ERROR, { ...JSON_TYPE, 'sl-violations': 'bad wallet' });
    expect(judge('getPass', flagged, { statuses: [], validRequest: true })).toEqual([
      'the mock says the request broke the spec: bad wallet',
    ]);
    expect(judge('getPass', flagged)).toEqual([]);
  });

  it('reports a documented header that is missing', () => {
    const unauthorized = '{"code":"UNAUTHORIZED","message":"no"}';
    expect(judge('getPass', exchange(401, unauthorized, JSON_TYPE))).toEqual([
      'response.headers: getPass 401 lacks the documented header www-authenticate',
    ]);
    expect(
      judge('getPass', exchange(401, unauthorized, { ...JSON_TYPE, 'www-authenticate': 'Bearer' })),
    ).toEqual([]);
  });

  it('reports a body where none is documented', () => {
    expect(judge('deletePass', exchange(200))).toEqual([]);
    expect(judge('deletePass', exchange(200, '{"ok":true}', JSON_TYPE))).toEqual([
      'response.content-type: deletePass 200 has no documented body, but the answer has 11 bytes (application/json): {"ok":true}',
    ]);
    expect(judge('deletePass', exchange(200, 'ok'))).toEqual([
      'response.content-type: deletePass 200 has no documented body, but the answer has 2 bytes (no content type): ok',
    ]);
  });

  it('wants an error body on a 400 too', () => {
    expect(judge('listPass', exchange(400))).toEqual([
      'response.error-body: listPass answered 400 with no error body',
      'response.content-type: content type (none) is not documented for listPass 400 (documented: application/json)',
    ]);
  });

  it('lists every documented content type', () => {
    const types = (responses.contentTypes('getPiiEvidence', 200) ?? []).join(', ');
    expect(judge('getPiiEvidence', exchange(200, 'x', { 'content-type': 'text/plain' }))).toEqual([
      `response.content-type: content type text/plain is not documented for getPiiEvidence 200 (documented: ${types})`,
    ]);
  });

  it('reports a content type that is missing or not documented', () => {
    const pass = JSON.stringify(PASS_EXAMPLE);
    expect(judge('getPass', exchange(200, pass))).toEqual([
      'response.content-type: content type (none) is not documented for getPass 200 (documented: application/json)',
    ]);
    expect(judge('getPass', exchange(200, pass, { 'content-type': 'text/plain' }))).toEqual([
      'response.content-type: content type text/plain is not documented for getPass 200 (documented: application/json)',
    ]);
  });

  it('parses only JSON bodies: evidence bytes are not parsed', () => {
    const types = responses.contentTypes('getPiiEvidence', 200) ?? [];
    const binary = types.find((t) => !t.includes('json')) as string;
    expect(
      judge('getPiiEvidence', exchange(200, '\u0000\u0001', { 'content-type': binary })),
    ).toEqual([]);
  });

  it('reports a JSON body that does not parse, and each schema violation', () => {
    expect(judge('getPass', exchange(200, '{"id":', JSON_TYPE))).toEqual([
      'response.schema: the application/json body is not valid JSON: {"id":',
    ]);
    const { events: _events, ...noEvents } = PASS_EXAMPLE;
    expect(
      judge('getPass', exchange(200, JSON.stringify({ ...noEvents, state: 'GONE' }), JSON_TYPE)),
    ).toEqual([
      'response.schema: body lacks the required property "events"',
      'response.schema: body/state is not one of the allowed values (ACTIVE, FROZEN, REVOKED, REQUESTED)',
    ]);
  });
});

describe('the basic reads', () => {
  const SCOPE = 'conformance-pii';
  const reads = (options: { scopeRequestId?: string } = {}, defect: Defect = {}) =>
    runChecks({ only: ['response'], ...options }, defect, { pii: [{ id: SCOPE }] }, issued(1));

  it('read a pass the list gave, and skip the PII reads without a scope', async () => {
    const run = await reads();
    const wallet = `0x${'1'.padStart(40, '0')}`;
    expect(sent(run).slice(0, 2)).toEqual([
      'POST /partner/pass {"limit":5,"skip":0}',
      `GET /partner/pass/ethereum/sepolia/${wallet}`,
    ]);
    expect(run.results.map((r) => r.name)).toEqual([
      'listPass answers a page of passes',
      'getPass answers the pass, or 404 when there is none',
      'getPii answers the PII request',
      'getPiiEvidence answers the file of the first evidence link',
    ]);
    expect(run.results.map((r) => [r.id, r.outcome, r.path, r.status ?? r.reason])).toEqual([
      ['response.list', 'passed', '/pass', 200],
      ['response.get', 'passed', `/pass/ethereum/sepolia/${wallet}`, 200],
      [
        'response.pii',
        'skipped',
        '/piirequest/{scopeRequestId}',
        'needs the id of a PII request: --scope-request-id',
      ],
      [
        'response.evidence',
        'skipped',
        '/piirequest/{scopeRequestId}/evidence/{rel}',
        'needs the id of a PII request: --scope-request-id',
      ],
    ]);
  });

  it('read the PII request and the file of its first evidence link', async () => {
    const run = await reads({ scopeRequestId: SCOPE });
    expect(run.results.slice(2).map((r) => [r.id, r.outcome, r.path, r.status])).toEqual([
      ['response.pii', 'passed', `/piirequest/${SCOPE}`, 200],
      ['response.evidence', 'passed', `/piirequest/${SCOPE}/evidence/idDocumentFront`, 200],
    ]);
  });

  it('expect 200 (getPass: or 404) of valid requests', async () => {
    const refused = await reads(
      { scopeRequestId: SCOPE },
      {
        request: (r) =>
          r.url.startsWith('/partner/') && !r.url.includes('/evidence/')
            ? jsonAnswer(400, { code: 'INVALID', message: 'no' })
            : undefined,
      },
    );
    expect(notPassed(refused)).toEqual([
      ['response.list listPass failed', ['expected status 200, got 400']],
      ['response.get getPass failed', ['expected status 200 or 404, got 400']],
      ['response.pii getPii failed', ['expected status 200, got 400']],
      ['response.evidence getPiiEvidence skipped', []],
    ]);
    const evidence = await reads(
      { scopeRequestId: SCOPE },
      {
        request: (r) =>
          r.url.includes('/evidence/')
            ? jsonAnswer(404, { code: 'NOT_FOUND', message: 'no' })
            : undefined,
      },
    );
    expect(notPassed(evidence)).toEqual([
      ['response.evidence getPiiEvidence failed', ['expected status 200, got 404']],
    ]);
  });

  it("report a mock's sl-violations on each of them", async () => {
    const run = await reads(
      { scopeRequestId: SCOPE },
      {
        answer(r, a) {
          if (r.url.startsWith('/partner/')) a.headers['sl-violations'] = 'x';
        },
      },
    );
    const mock = ['the mock says the request broke the spec: x'];
    expect(notPassed(run)).toEqual([
      ['response.list listPass failed', mock],
      ['response.get getPass failed', mock],
      ['response.pii getPii failed', mock],
      ['response.evidence getPiiEvidence failed', mock],
    ]);
  });

  it('learn no pass from a list without records, or not JSON', async () => {
    for (const body of ['{}', 'nothing']) {
      const run = await reads(
        {},
        {
          answer(r, a) {
            if (r.url === '/partner/pass') a.body = body;
          },
        },
      );
      expect(notPassed(run)[0]?.[0], body).toBe('response.list listPass failed');
      expect(String(notPassed(run)[0]?.[1])).not.toMatch(/check error/);
      expect(resultOf(run, 'response.get', 'getPass').path).toBe(
        `/pass/ethereum/sepolia/${exampleParams().wallet}`,
      );
    }
  });

  it('skip the evidence when getPii fails, or links no usable evidence', async () => {
    const failed = await reads(
      { scopeRequestId: SCOPE },
      {
        request: (r) =>
          r.url === `/partner/piirequest/${SCOPE}`
            ? jsonAnswer(500, { code: 'INTERNAL', message: 'boom' })
            : undefined,
      },
    );
    expect(resultOf(failed, 'response.evidence', 'getPiiEvidence').reason).toBe(
      'getPii gave no links to follow',
    );
    expect(notPassed(failed).map((r) => r[0])).toEqual([
      'response.pii getPii failed',
      'response.evidence getPiiEvidence skipped',
    ]);
    const selfOnly = await reads(
      { scopeRequestId: SCOPE },
      {
        answer(r, a) {
          if (r.url !== `/partner/piirequest/${SCOPE}`) return;
          const pii = JSON.parse(a.body) as { links: { rel: string }[] };
          pii.links = pii.links.filter((l) => l.rel === 'self');
          a.body = JSON.stringify(pii);
        },
      },
    );
    expect(resultOf(selfOnly, 'response.evidence', 'getPiiEvidence').reason).toBe(
      'the PII request links no evidence whose rel the evidence path accepts',
    );
  });
});
