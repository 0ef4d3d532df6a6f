/**
 * Deliberately broken variants of the sandbox, one defect each, as proxy hooks: what the
 * conformance runner must catch, with the operation and check it must name.
 */
import { type Defect, jsonAnswer, type ProxyAnswer, type ProxyRequest } from './defect-proxy.js';

/** A defect, what to run against it, and how the runner must report it. */
export interface Variant {
  name: string;
  defect: Defect;
  /**
   * `--only` for the run: the check that catches it, or its family when the check builds on
   * the family's earlier steps (lifecycle, listing). Keeps the project fast.
   */
  only: string;
  /** The failure line must name this operation and check. */
  operationId: string;
  check: string;
  /** A fragment of the violation. */
  message: string | RegExp;
  /** More arguments for the run. */
  args?: string[];
}

const PASS = /^\/partner\/pass\/[^/]+\/[^/]+\/[^/]+$/;
/** A `getPass` request. */
export const isPassRead = (r: ProxyRequest) => r.method === 'GET' && PASS.test(r.url);
/** A `listPass` request. */
export const isList = (r: ProxyRequest) => r.method === 'POST' && r.url === '/partner/pass';
/** The request's JSON body, or undefined. */
export const bodyOf = (r: ProxyRequest) => {
  try {
    return JSON.parse(r.body) as Record<string, unknown>;
  } catch {
    return undefined;
  }
};
/** Rewrites the JSON body of a 200 answer. */
export function rewrite(answer: ProxyAnswer, change: (body: Record<string, unknown>) => void) {
  if (answer.status !== 200) return;
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  change(body);
  answer.body = JSON.stringify(body);
}
const records = (body: Record<string, unknown>) =>
  (body.records ?? []) as Record<string, unknown>[];
/** Sets a bearer token the server accepts on requests it would refuse. */
const authorize = (r: ProxyRequest, token: string) => {
  r.headers.authorization = `Bearer ${token}`;
};

/** The variants: one defect each. */
export const VARIANTS: Variant[] = [
  {
    name: 'accepts an invalid wallet',
    only: 'negative.wallet-pattern',
    operationId: 'issuePass',
    check: 'negative.wallet-pattern',
    message:
      'issuePass accepts an invalid input: walletAddress "0x12" (breaks the pattern) (answered 202)',
    defect: {
      request(r) {
        const body = bodyOf(r);
        if (
          r.method === 'POST' &&
          /^\/partner\/pass\/ethereum\/sepolia$/.test(r.url) &&
          body?.walletAddress === '0x12'
        ) {
          r.body = JSON.stringify({ walletAddress: `0x${'ab'.repeat(20)}` });
        }
        return undefined;
      },
    },
  },
  {
    name: 'accepts any bearer token',
    only: 'auth.unknown-token',
    operationId: 'listPass',
    check: 'auth.unknown-token',
    message:
      'listPass accepts a request with a well-formed unknown token (answered 200, expected 401)',
    defect: {
      request(r, s) {
        const token = r.headers.authorization?.replace(/^Bearer /, '');
        if (r.url.startsWith('/partner/') && token && !s.tokens.has(token) && !token.includes(' '))
          authorize(r, s.token);
        return undefined;
      },
    },
  },
  {
    name: 'answers without a token',
    only: 'auth.no-token',
    operationId: 'getPass',
    check: 'auth.no-token',
    message: 'getPass accepts a request without a token',
    defect: {
      request(r, s) {
        if (r.url.startsWith('/partner/') && r.headers.authorization === undefined)
          authorize(r, s.token);
        return undefined;
      },
    },
  },
  {
    name: 'accepts a malformed token',
    only: 'auth.malformed-token',
    operationId: 'getPass',
    check: 'auth.malformed-token',
    message: 'getPass accepts a request with a malformed token',
    defect: {
      request(r, s) {
        if (r.url.startsWith('/partner/') && r.headers.authorization === 'Bearer not a token!')
          authorize(r, s.token);
        return undefined;
      },
    },
  },
  {
    name: 'token endpoint accepts a wrong secret',
    only: 'auth.token-wrong-secret',
    operationId: 'token',
    check: 'auth.token-wrong-secret',
    message: 'the token endpoint accepts a wrong client secret',
    defect: {
      request(r) {
        if (r.url === '/oauth/token') {
          const form = new URLSearchParams(r.body);
          if (form.get('client_secret')?.startsWith('wrong-')) {
            form.set('client_secret', 'sandbox-secret');
            r.body = form.toString();
          }
        }
        return undefined;
      },
    },
  },
  {
    name: '500 on a valid write',
    only: 'lifecycle',
    operationId: 'patchPass',
    check: 'lifecycle.freeze',
    message: 'response.server-error: patchPass answered 500',
    defect: {
      request(r) {
        if (r.method === 'PATCH' && bodyOf(r)?.state === 'FROZEN')
          return jsonAnswer(500, { code: 'INTERNAL', message: 'boom' });
        return undefined;
      },
    },
  },
  {
    name: 'issued pass never readable',
    only: 'lifecycle',
    operationId: 'issuePass',
    check: 'lifecycle.issue',
    message: 'getPass never showed the issued pass as ACTIVE (last: 404)',
    defect: {
      answer(r, a) {
        if (isPassRead(r) && a.status === 200)
          Object.assign(a, jsonAnswer(404, { code: 'PASS_NOT_FOUND', message: 'no pass' }));
      },
    },
  },
  {
    name: 'freeze answered 200 but never applied',
    only: 'lifecycle',
    operationId: 'patchPass',
    check: 'lifecycle.freeze',
    message: 'getPass never showed the pass after freeze (last: 200 state ACTIVE)',
    defect: {
      request(r) {
        if (r.method === 'PATCH' && bodyOf(r)?.state === 'FROZEN')
          r.body = JSON.stringify({ state: 'ACTIVE' });
        return undefined;
      },
    },
  },
  {
    name: 'freeze appends no event',
    only: 'lifecycle',
    operationId: 'patchPass',
    check: 'lifecycle.freeze',
    message: 'freeze: no TOKEN_FROZEN_INITIATED or TOKEN_FROZEN event was appended',
    defect: {
      answer(r, a) {
        if (isPassRead(r)) {
          rewrite(a, (pass) => {
            pass.events = (pass.events as { eventType: string }[]).filter(
              (e) => !e.eventType.startsWith('TOKEN_FROZEN'),
            );
          });
        }
      },
    },
  },
  {
    name: 'expiry never shown',
    only: 'lifecycle',
    operationId: 'patchPass',
    check: 'lifecycle.expiry',
    message: 'getPass never showed the pass after setting expiryTimestamp',
    defect: {
      answer(r, a) {
        if (isPassRead(r)) rewrite(a, (pass) => delete pass.expiryTimestamp);
      },
    },
  },
  {
    name: 'revoked pass comes back',
    only: 'lifecycle',
    operationId: 'getPass',
    check: 'lifecycle.revoke-final',
    message: 'the revoked pass came back: getPass answered 200 with state ACTIVE',
    defect: {
      answer(r, a, s) {
        if (!isPassRead(r)) return;
        rewrite(a, (pass) => {
          if (pass.state !== 'REVOKED') return;
          const seen = (s.memory.get(r.url) as number | undefined) ?? 0;
          s.memory.set(r.url, seen + 1);
          if (seen >= 1) Object.assign(pass, { state: 'ACTIVE', onChainState: 'ACTIVE' });
        });
      },
    },
  },
  {
    name: 'issue after revoke accepted',
    only: 'lifecycle',
    operationId: 'issuePass',
    check: 'lifecycle.revoke-final',
    message: 'issuePass after revoke answered 202, expected 409 PASS_REVOKED',
    defect: {
      async answer(r, a, s) {
        if (r.method !== 'POST' || a.status !== 409 || !a.body.includes('PASS_REVOKED')) return;
        const wallet = bodyOf(r)?.walletAddress;
        const pass = await s.forward({
          ...r,
          method: 'GET',
          url: `${r.url}/${String(wallet)}`,
          body: '',
        });
        Object.assign(a, jsonAnswer(202, { ...JSON.parse(pass.body), state: 'REQUESTED' }));
      },
    },
  },
  {
    name: 'pages repeat records',
    only: 'listing',
    operationId: 'listPass',
    check: 'listing.paging',
    message: 'pages of 2 from skip 0 repeat records',
    defect: {
      request(r) {
        const body = bodyOf(r);
        if (isList(r) && typeof body?.skip === 'number' && body.skip > 0)
          r.body = JSON.stringify({ ...body, skip: body.skip - 1 });
        return undefined;
      },
    },
  },
  {
    name: 'pages lose records',
    only: 'listing',
    operationId: 'listPass',
    check: 'listing.paging',
    message: 'pages of 2 from skip 0 lose records',
    defect: {
      request(r) {
        const body = bodyOf(r);
        if (isList(r) && typeof body?.skip === 'number' && body.skip > 0)
          r.body = JSON.stringify({ ...body, skip: body.skip + 1 });
        return undefined;
      },
    },
  },
  {
    name: 'limit not honoured',
    only: 'listing',
    operationId: 'listPass',
    check: 'listing.limit',
    message: /limit 1 returned \d+ records/,
    defect: {
      request(r) {
        const body = bodyOf(r);
        if (isList(r) && body?.limit === 1) r.body = JSON.stringify({ ...body, limit: 20 });
        return undefined;
      },
    },
  },
  {
    name: 'state filter ignored',
    only: 'listing',
    operationId: 'listPass',
    check: 'listing.filter-state',
    message: /filter\.state FROZEN returned a (ACTIVE|REQUESTED|REVOKED) pass/,
    defect: {
      request(r) {
        const body = bodyOf(r) as
          | { filter?: { state?: string; walletAddress?: string } }
          | undefined;
        if (isList(r) && body?.filter?.state && !body.filter.walletAddress) {
          r.body = JSON.stringify({ ...body, filter: {} });
        }
        return undefined;
      },
    },
  },
  {
    name: 'accepts an out-of-range limit',
    only: 'negative.limit-range',
    operationId: 'listPass',
    check: 'negative.limit-range',
    message: 'listPass accepts an invalid input: limit 101 (above 100) (answered 200)',
    defect: {
      request(r) {
        const body = bodyOf(r);
        if (isList(r) && body?.limit === 101) r.body = JSON.stringify({ ...body, limit: 100 });
        return undefined;
      },
    },
  },
  {
    name: 'chain and network that do not pair answered 404',
    only: 'negative.chain-network-pair',
    operationId: 'getPass',
    check: 'negative.chain-network-pair',
    message: 'getPass refused chain solana with network sepolia with 404, expected 400 or 422',
    defect: {
      request(r) {
        if (r.method === 'GET' && r.url.startsWith('/partner/pass/solana/sepolia/')) {
          return jsonAnswer(404, { code: 'PASS_NOT_FOUND', message: 'no pass' });
        }
        return undefined;
      },
    },
  },
  {
    name: 'no Allow on 405',
    only: 'protocol.method-not-allowed',
    operationId: 'listPass',
    check: 'protocol.method-not-allowed',
    message: 'the 405 to GET /pass has no Allow header (expected POST)',
    defect: {
      answer(_r, a) {
        if (a.status === 405) delete a.headers.allow;
      },
    },
  },
  {
    name: 'answers 401 without WWW-Authenticate',
    only: 'auth.no-token',
    operationId: 'getPass',
    check: 'auth.no-token',
    message: 'getPass 401 has no WWW-Authenticate: Bearer (got none)',
    defect: {
      answer(_r, a) {
        if (a.status === 401) delete a.headers['www-authenticate'];
      },
    },
  },
  {
    name: 'wrong content type',
    only: 'response.list',
    operationId: 'listPass',
    check: 'response.list',
    message: 'response.content-type: content type text/plain is not documented for listPass 200',
    defect: {
      answer(r, a) {
        if (isList(r) && a.status === 200) a.headers['content-type'] = 'text/plain';
      },
    },
  },
  {
    name: 'missing error body',
    only: 'response.get',
    operationId: 'getPass',
    check: 'response.get',
    message: 'response.error-body: getPass answered 404 with no error body',
    defect: {
      answer(_r, a) {
        if (a.status === 404) {
          a.body = '';
          delete a.headers['content-type'];
        }
      },
    },
  },
  {
    name: 'undocumented state in the list',
    only: 'listing',
    operationId: 'listPass',
    check: 'listing.issued-shows',
    message: 'response.schema: body/records/0/state is not one of the allowed values',
    defect: {
      answer(r, a) {
        if (!isList(r)) return;
        rewrite(a, (body) => {
          for (const pass of records(body)) pass.state = String(pass.state).toLowerCase();
        });
      },
    },
  },
  {
    name: 'slow list over the budget',
    only: 'response.list',
    operationId: 'listPass',
    check: 'response.list',
    message:
      /budget\.response-time: listPass answered in [\d.]+ s, over --max-response-time 0\.2 s/,
    args: ['--max-response-time', '0.2'],
    defect: {
      async request(r) {
        if (isList(r)) await new Promise((resolve) => setTimeout(resolve, 800));
        return undefined;
      },
    },
  },
];
