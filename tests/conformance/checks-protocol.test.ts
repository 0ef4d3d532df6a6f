/**
 * The protocol checks (src/conformance/checks/protocol.ts): 405 with an exact Allow header on
 * each path's undocumented method, and, for a document that requires a header, the refusal of
 * a request without it.
 */
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../../generated/document.js';
import { protocolChecks } from '../../src/conformance/checks/protocol.js';
import type { CheckResult } from '../../src/conformance/index.js';
import { type Defect, jsonAnswer } from '../support/defect-proxy.js';
import { notPassed, runChecks, runFamily } from './checks-harness.js';

const PROTOCOL = { only: ['protocol'] };
const WALLET_PATH = '/pass/{chain}/{chainNetwork}/{wallet}';
const brief = (r: CheckResult) => [
  `${r.operationId} ${r.outcome} ${r.method} ${r.path}`,
  r.violations,
];

describe('protocol.method-not-allowed', () => {
  it('tries one undocumented method on each path, its parameters filled', async () => {
    const run = await runChecks(PROTOCOL);
    expect(run.results.map((r) => [r.id, r.name, r.method, r.path, r.status, r.outcome])).toEqual([
      [
        'protocol.method-not-allowed',
        'GET /pass answers 405 with Allow: POST',
        'GET',
        '/pass',
        405,
        'passed',
      ],
      [
        'protocol.method-not-allowed',
        'GET /pass/{chain}/{chainNetwork} answers 405 with Allow: POST',
        'GET',
        '/pass/ethereum/sepolia',
        405,
        'passed',
      ],
      [
        'protocol.method-not-allowed',
        'PUT /pass/{chain}/{chainNetwork}/{wallet} answers 405 with Allow: GET, PATCH, DELETE',
        'PUT',
        '/pass/ethereum/sepolia/0x43f4e18a5792578ba8f07d7709f72ddea430d4ed',
        405,
        'passed',
      ],
      [
        'protocol.method-not-allowed',
        'PUT /piirequest/{scopeRequestId} answers 405 with Allow: GET',
        'PUT',
        '/piirequest/conformance-11',
        405,
        'passed',
      ],
      [
        'protocol.method-not-allowed',
        'GET /piirequest/{scopeRequestId}/status answers 405 with Allow: PUT',
        'GET',
        '/piirequest/conformance-11/status',
        405,
        'passed',
      ],
      [
        'protocol.method-not-allowed',
        'PUT /piirequest/{scopeRequestId}/evidence/{rel} answers 405 with Allow: GET',
        'PUT',
        '/piirequest/conformance-11/evidence/idDocumentFront',
        405,
        'passed',
      ],
    ]);
    expect(run.results.map((r) => r.operationId)).toEqual([
      'listPass',
      'issuePass',
      'getPass',
      'getPii',
      'updatePiiReceipt',
      'getPiiEvidence',
    ]);
  });

  const on405 = (allow: string | undefined): Defect => ({
    answer(r, a) {
      if (a.status !== 405 || !r.url.startsWith('/partner/pass/ethereum/sepolia/')) return;
      if (allow === undefined) delete a.headers.allow;
      else a.headers.allow = allow;
    },
  });

  it('fails an Allow header that is missing, lacks a documented method or lists the refused one', async () => {
    const cases: [string | undefined, string][] = [
      [
        undefined,
        `the 405 to PUT ${WALLET_PATH} has no Allow header (expected GET, PATCH, DELETE)`,
      ],
      ['GET, PATCH', `Allow: GET, PATCH on ${WALLET_PATH} should list exactly GET, PATCH, DELETE`],
      [
        'get, patch, delete, put',
        `Allow: get, patch, delete, put on ${WALLET_PATH} should list exactly GET, PATCH, DELETE`,
      ],
    ];
    for (const [allow, violation] of cases) {
      const run = await runChecks({ only: ['protocol'] }, on405(allow));
      expect(notPassed(run), String(allow)).toEqual([
        ['protocol.method-not-allowed getPass failed', [violation]],
      ]);
    }
    const spaced = await runChecks(PROTOCOL, on405(' delete ,GET,patch , HEAD'));
    expect(notPassed(spaced)).toEqual([]);
  });

  it('fails another status than 405, and looks no further', async () => {
    const run = await runChecks(PROTOCOL, {
      request: (r) =>
        r.method === 'GET' && r.url === '/partner/pass'
          ? jsonAnswer(404, { code: 'NOT_FOUND', message: 'no route' })
          : undefined,
    });
    expect(notPassed(run)).toEqual([
      [
        'protocol.method-not-allowed listPass failed',
        ['GET /pass (not in the spec) answered 404, expected 405'],
      ],
    ]);
  });
});

/** The spec with header parameters added to some operations. */
function withHeaders(add: Record<string, Record<string, unknown[]>>): {
  readonly [key: string]: unknown;
} {
  const paths = structuredClone(openapiDocument.paths) as Record<
    string,
    Record<string, { parameters?: unknown[] }>
  >;
  for (const [path, methods] of Object.entries(add)) {
    for (const [method, parameters] of Object.entries(methods)) {
      const op = paths[path]?.[method];
      if (!op) throw new Error(`no ${method} ${path}`);
      op.parameters = [...(op.parameters ?? []), ...parameters];
    }
  }
  return { ...openapiDocument, paths };
}

const header = (name: unknown, required: unknown, where = 'header') => ({
  name,
  in: where,
  required,
  schema: { type: 'string' },
});

describe('protocol.required-header', () => {
  const document = withHeaders({
    '/pass': { post: [header('X-Request-Id', true), header('X-Trace', false)] },
    '/pass/{chain}/{chainNetwork}/{wallet}': {
      get: [header('X-Tenant', true), header('x-query', true, 'query')],
      patch: [header('X-Tenant', true), header(7, true)],
    },
  });
  const required = (results: CheckResult[]) =>
    results.filter((r) => r.id === 'protocol.required-header');

  it('sends each operation without each header the document requires; a server that answers anyway fails', async () => {
    const results = required(await runFamily((ctx, f) => protocolChecks(ctx, f, document)));
    expect(results.map((r) => [r.name, r.outcome, r.reason ?? r.violations])).toEqual([
      [
        'listPass without the required header X-Request-Id is refused',
        'failed',
        ['listPass accepts a request without X-Request-Id (answered 200)'],
      ],
      [
        'getPass without the required header X-Tenant is refused',
        'failed',
        ['getPass accepts a request without X-Tenant (answered 404)'],
      ],
      [
        'patchPass without the required header X-Tenant is refused',
        'skipped',
        'changes state: run with --allow-writes --wallet <chain>/<network>/<address>',
      ],
    ]);
    expect(results.map(brief).slice(0, 2)).toEqual([
      ['listPass failed POST /pass', expect.any(Array)],
      [
        expect.stringMatching(/^getPass failed GET \/pass\/ethereum\/sepolia\/0x[0-9a-f]{40}$/),
        expect.any(Array),
      ],
    ]);
  });

  it('passes a server that refuses the request with 400, sending an empty JSON body except on GET', async () => {
    const bodies: string[] = [];
    const results = required(
      await runFamily((ctx, f) => protocolChecks(ctx, f, document), {
        allowWrites: true,
        defect: {
          request(r) {
            if (r.headers['x-tenant'] !== undefined || r.headers['x-request-id'] !== undefined)
              return undefined;
            if (r.method === 'PUT' || !r.url.startsWith('/partner/')) return undefined;
            if (r.method === 'GET' && !r.url.includes('/pass/')) return undefined;
            bodies.push(`${r.method} ${r.body} ${r.headers['content-type'] ?? 'none'}`);
            return jsonAnswer(400, { code: 'MISSING_HEADER', message: 'header missing' });
          },
        },
      }),
    );
    expect(results.map((r) => `${r.operationId} ${r.outcome}`)).toEqual([
      'listPass passed',
      'getPass passed',
      'patchPass passed',
    ]);
    expect(bodies.filter((b) => !b.startsWith('GET /pass'))).toEqual(
      expect.arrayContaining([
        'POST {} application/json',
        'GET  none',
        'PATCH {} application/json',
      ]),
    );
  });

  it('finds nothing to check in a document without the paths or parameters', async () => {
    const results = await runFamily((ctx, f) =>
      protocolChecks(ctx, f, { ...openapiDocument, paths: {} }),
    );
    expect(required(results)).toEqual([]);
    const bare = structuredClone(openapiDocument.paths) as Record<string, Record<string, object>>;
    for (const methods of Object.values(bare))
      for (const op of Object.values(methods)) delete (op as { parameters?: unknown }).parameters;
    const none = await runFamily((ctx, f) =>
      protocolChecks(ctx, f, { ...openapiDocument, paths: bare }),
    );
    expect(required(none)).toEqual([]);
    const { post: _post, ...rest } = bare['/pass'] as Record<string, object>;
    const noMethod = await runFamily((ctx, f) =>
      protocolChecks(ctx, f, { ...openapiDocument, paths: { ...bare, '/pass': rest } }),
    );
    expect(required(noMethod)).toEqual([]);
  });
});
