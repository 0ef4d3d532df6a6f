/**
 * The conformance runner against a local server that answers with wrong shapes: every violation
 * is found and named, in the readable report and in the JUnit XML, and the exit code is 1.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandIo, conformanceCommand, EXIT } from '../../src/conformance/index.js';
import { startTokenServer, type TokenServer } from '../../src/testing/index.js';
import { PASS_EXAMPLE, PII_EXAMPLE } from '../support/examples.js';
import {
  json,
  raw,
  type ScriptedServer,
  type Step,
  scriptedServer,
  status,
} from '../support/scripted-server.js';

const wallet = PASS_EXAMPLE.walletAddress;
const passPath = `/pass/${PASS_EXAMPLE.chain.type}/${PASS_EXAMPLE.chain.network}/${wallet}`;
const { events: _events, ...passWithoutEvents } = PASS_EXAMPLE;
let patches = 0;

/** What the wrong server answers, by authenticated or not, method and path. */
function answer(authorized: boolean, method: string, url: string): Step {
  const route = `${authorized ? 'auth' : 'anon'} ${method} ${url}`;
  switch (route) {
    case 'auth POST /pass':
      return json(200, { records: [{ ...PASS_EXAMPLE, state: 'DELETED' }] });
    case `auth GET ${passPath}`:
      return json(200, passWithoutEvents);
    case 'auth GET /piirequest/scope-1':
      return json(200, { ...PII_EXAMPLE, status: 'approved' });
    case 'auth GET /piirequest/scope-1/evidence/idDocumentFront':
      return json(501, { message: 'Not Implemented' });
    case 'anon POST /pass':
      return json(200, { records: [] });
    case `anon GET ${passPath}`:
      return json(418, { message: "I'm a teapot" });
    case 'auth POST /pass/ethereum/sepolia':
      return raw(202, 'text/html', '<html><body>Accepted</body></html>');
    case `auth PATCH ${passPath}`:
      patches += 1;
      if (patches === 1) return json(200, { status: 'ok' });
      if (patches === 2) return raw(200, 'application/json', '{"status":');
      return json(200, {});
    case `auth DELETE ${passPath}`:
      return status(204);
    case 'auth PUT /piirequest/scope-1/status':
      return json(200, { recorded: true });
    default:
      // The right shape, as the spec's ErrorBody documents it.
      return authorized
        ? json(500, { code: 'INTERNAL', message: `no route ${route}` })
        : json(401, { code: 'UNAUTHORIZED', message: 'Unauthorized' });
  }
}

let api: ScriptedServer;
let tokens: TokenServer;
let output: string;
let code: number;
let xml: string;

beforeAll(async () => {
  tokens = await startTokenServer();
  api = await scriptedServer((_index, request) =>
    answer(/^Bearer /.test(request.headers.authorization ?? ''), request.method, request.url),
  );
  const junit = path.join(mkdtempSync(path.join(tmpdir(), 'civic-junit-')), 'out.xml');
  const lines: string[] = [];
  const io: CommandIo = {
    stdout: (text) => lines.push(text),
    stderr: (text) => lines.push(text),
    env: { CIVIC_CLIENT_ID: tokens.clientId, CIVIC_CLIENT_SECRET: tokens.clientSecret },
  };
  code = await conformanceCommand(
    [
      '--base-url',
      api.url,
      '--token-url',
      tokens.url,
      '--junit',
      junit,
      '--scope-request-id',
      'scope-1',
      '--allow-writes',
      '--wallet',
      `ethereum/sepolia/${wallet}`,
      '--pii-decision',
      'partner-fail',
    ],
    io,
  );
  output = lines.join('\n');
  xml = readFileSync(junit, 'utf8');
});

afterAll(async () => {
  await api.close();
  await tokens.close();
});

/** Each wrong answer, the check that meets it, and the violation it must be reported as. */
const VIOLATIONS: [check: string, violation: string][] = [
  [
    'listPass answers a page of passes',
    'body/records/0/state is not one of the allowed values (ACTIVE, FROZEN, REVOKED, REQUESTED)',
  ],
  [
    'getPass answers the pass, or 404 when there is none',
    'body lacks the required property "events"',
  ],
  ['getPii answers the PII request', 'body/status is not one of the allowed values'],
  [
    'getPiiEvidence answers the file of the first evidence link',
    '501 Not Implemented: the server does not implement getPiiEvidence',
  ],
  ['listPass without a token answers 401', 'expected status 401, got 200'],
  [
    'getPass without a token answers 401',
    'status 418 is not documented for getPass (documented: 200, 400, 401, 403, 404, 422, 429, 500, 503)',
  ],
  [
    'getPass reads the issued pass back (or 404 while the chain confirms it)',
    'body lacks the required property "events"',
  ],
  [
    'issuePass accepts the issuance (202)',
    'content type text/html is not documented for issuePass 202 (documented: application/json)',
  ],
  ['patchPass unfreezes the pass', 'the application/json body is not valid JSON: {"status":'],
  ['patchPass sets the expiry a minute ahead', 'body lacks the required property "status"'],
  ['deletePass revokes the pass (irreversible)', 'status 204 is not documented for deletePass'],
  [
    'updatePiiReceipt records the decision partner-fail',
    'updatePiiReceipt 200 has no documented body, but the answer has 17 bytes',
  ],
];

describe('the conformance runner against a server with wrong shapes', () => {
  it('exits 1', () => {
    expect(code, output).toBe(EXIT.nonConforming);
    expect(output).toMatch(/DOES NOT CONFORM .*: 19 checks, 7 passed, 12 failed, 0 skipped/);
  });

  it.each(VIOLATIONS)('reports "%s" as failed: %s', (check, violation) => {
    const block = output.split(/\n(?=PASS|FAIL|SKIP)/).find((b) => b.includes(`  ${check}\n`));
    expect(block, output).toBeDefined();
    expect(block).toMatch(/^FAIL/);
    expect(block).toContain(violation);
  });

  it('passes what conforms: the checks without a violation', () => {
    const passed = output.split('\n').filter((line) => line.startsWith('PASS'));
    expect(passed.map((line) => line.slice(6))).toEqual([
      'getPii without a token answers 401',
      'getPiiEvidence without a token answers 401',
      'issuePass without a token answers 401',
      'patchPass without a token answers 401',
      'deletePass without a token answers 401',
      'updatePiiReceipt without a token answers 401',
      'patchPass freezes the pass',
    ]);
  });

  it('writes JUnit XML with one <failure> per failed check, naming the violation', () => {
    expect(xml).toMatch(/<testsuites [^>]*tests="19" failures="12"/);
    expect(xml.match(/<failure /g)).toHaveLength(12);
    expect(xml).toContain('type="nonconformance"');
    expect(xml).toContain('status 418 is not documented for getPass');
    expect(xml).toContain('content type text/html is not documented for issuePass 202');
  });
});
