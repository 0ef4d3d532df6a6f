/**
 * The conformance runner against a local server that answers with wrong shapes: every violation
 * is found and named with its operation and check, in the readable report, the Markdown report
 * and the JUnit XML, each with a curl command that reproduces it, and the exit code is 1.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CommandIo, conformanceCommand, EXIT } from '../../src/conformance/index.js';
import { startTokenServer, type TokenServer } from '../../src/testing/index.js';
import { PASS_EXAMPLE, PII_EXAMPLE } from '../support/examples.js';
import {
  json,
  type ScriptedServer,
  type Step,
  scriptedServer,
} from '../support/scripted-server.js';

const wallet = PASS_EXAMPLE.walletAddress;
const passPath = `/pass/${PASS_EXAMPLE.chain.type}/${PASS_EXAMPLE.chain.network}/${wallet}`;
const { events: _events, ...passWithoutEvents } = PASS_EXAMPLE;

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
    default:
      return authorized
        ? json(500, { message: `no route ${route}` })
        : // The right shape, as the spec documents it.
          json(
            401,
            { code: 'UNAUTHORIZED', message: 'Unauthorized' },
            { 'www-authenticate': 'Bearer' },
          );
  }
}

let api: ScriptedServer;
let tokens: TokenServer;
let output: string;
let markdown: string;
let code: number;
let xml: string;

beforeAll(async () => {
  tokens = await startTokenServer();
  api = await scriptedServer((_index, request) =>
    answer(/^Bearer /.test(request.headers.authorization ?? ''), request.method, request.url),
  );
});

// The run itself is per test, not once in beforeAll: StrykerJS counts code that runs outside a
// test as covered by every test (a "static" mutant, run against the whole suite), and a run
// here takes a few milliseconds.
beforeEach(async () => {
  const junit = path.join(mkdtempSync(path.join(tmpdir(), 'civic-junit-')), 'out.xml');
  const lines: string[] = [];
  const out: string[] = [];
  const io: CommandIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => lines.push(text),
    env: { CIVIC_CLIENT_ID: tokens.clientId, CIVIC_CLIENT_SECRET: tokens.clientSecret },
  };
  code = await conformanceCommand(
    [
      ...['--base-url', api.url, '--token-url', tokens.url, '--junit', junit],
      ...['--scope-request-id', 'scope-1', '--wallet', `ethereum/sepolia/${wallet}`],
      ...['--only', 'response', '--only', 'auth.no-token', '--report', 'markdown'],
    ],
    io,
  );
  output = lines.join('\n');
  markdown = out.join('\n');
  xml = readFileSync(junit, 'utf8');
});

afterAll(async () => {
  await api.close();
  await tokens.close();
});

/** Each wrong answer: operation, check, and the violation it must be reported as. */
const VIOLATIONS: [operation: string, check: string, violation: string][] = [
  [
    'listPass',
    'response.list',
    'response.schema: body/records/0/state is not one of the allowed values (ACTIVE, FROZEN, REVOKED, REQUESTED)',
  ],
  ['getPass', 'response.get', 'response.schema: body lacks the required property "events"'],
  ['getPii', 'response.pii', 'response.schema: body/status is not one of the allowed values'],
  [
    'getPiiEvidence',
    'response.evidence',
    'response.status-documented: 501 Not Implemented: the server does not implement getPiiEvidence',
  ],
  [
    'listPass',
    'auth.no-token',
    'listPass accepts a request without a token (answered 200, expected 401)',
  ],
  [
    'getPass',
    'auth.no-token',
    'response.status-documented: status 418 is not documented for getPass',
  ],
];

describe('the conformance runner against a server with wrong shapes', () => {
  it('exits 1, with progress on stderr when the report is Markdown', () => {
    expect(code, output).toBe(EXIT.nonConforming);
    expect(output).toMatch(
      /DOES NOT CONFORM .*: 12 checks, 2 passed, 6 failed, 0 warned, 4 skipped/,
    );
  });

  it.each(VIOLATIONS)('reports %s · %s as failed: %s', (operation, check, violation) => {
    const block = output
      .split(/\n(?=PASS|FAIL|SKIP|WARN)/)
      .find((b) => b.startsWith(`FAIL  ${operation} · ${check} · `));
    expect(block, output).toBeDefined();
    expect(block).toContain(violation);
    expect(block).toMatch(/\n {8}reproduce: curl -i -X (GET|POST) 'http:\/\/127\.0\.0\.1:\d+\//);
    expect(block).toMatch(/\n {8}answer: \d{3} /);
  });

  it('never prints the token or the secret: curl has a placeholder', () => {
    expect(output).toContain('"authorization: Bearer $CIVIC_TOKEN"');
    for (const token of tokens.issued) {
      expect(output).not.toContain(token);
      expect(markdown).not.toContain(token);
      expect(xml).not.toContain(token);
    }
    expect(output).not.toContain(tokens.clientSecret);
  });

  it('writes a Markdown report with a table of failures and a curl command under each', () => {
    expect(markdown).toMatch(/^## ❌ Conformance of `http:\/\/127\.0\.0\.1:\d+` to Civic Pass/);
    expect(markdown).toContain('| FAIL | getPii | `response.pii` | response.schema: body/status');
    expect(markdown.match(/<details>/g)).toHaveLength(6);
    expect(markdown.match(/```sh\ncurl -i -X/g)).toHaveLength(6);
  });

  it('writes JUnit XML with one <failure> per failed check, naming check and violation', () => {
    expect(xml).toMatch(/<testsuites [^>]*tests="12" failures="6"/);
    expect(xml.match(/<failure /g)).toHaveLength(6);
    expect(xml).toContain('name="auth.no-token: getPass without a token answers 401"');
    expect(xml).toContain('status 418 is not documented for getPass');
    expect(xml).toContain('reproduce: curl -i -X GET');
  });
});
