/**
 * The conformance runner against Prism mocks of our own spec: the checks a stateless, validating
 * mock can pass (see ONLY) pass, writes and PII included, statically and on generated bodies.
 * The full runner is proven against the sandbox in tests/conformance/sandbox.test.ts.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { OPERATIONS } from '../../generated/api.js';
import {
  type CommandIo,
  conformanceCommand,
  EXIT,
  runConformance,
} from '../../src/conformance/index.js';
import { REF, SCOPE_REQUEST_ID } from './cases.js';

const env = inject('contract');
const credentials = {
  clientId: env.clientId,
  clientSecret: env.clientSecret,
  tokenUrl: env.tokenUrl,
};
const wallet = { chain: REF.chain, chainNetwork: REF.chainNetwork, address: REF.wallet };
/**
 * What a Prism mock can be held to: the answers' shapes, refusing a request without a token, and
 * not refusing valid input. It keeps no state (lifecycle, listing), checks only that a token is
 * present (not that it issued it), does not know which networks pair with which chain, and
 * answers invalid input and undocumented methods with its own problem+json, not the ErrorBody.
 */
const ONLY = ['response', 'auth', 'negative.valid-inputs'];
const SKIP = ['auth.malformed-token', 'auth.unknown-token'];

describe('the conformance runner against Prism', () => {
  it('passes every stateless check on the static mock, writes and PII included', async () => {
    const report = await runConformance({
      baseUrl: env.staticUrl,
      ...credentials,
      allowWrites: true,
      wallet,
      scopeRequestId: SCOPE_REQUEST_ID,
      only: ONLY,
      skip: SKIP,
      seed: 1,
    });
    expect(report.results.filter((r) => r.outcome !== 'passed')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.operationsChecked).toEqual(OPERATIONS.map((op) => op.operationId));
  });

  it('passes on generated bodies (dynamic mock)', async () => {
    const report = await runConformance({
      baseUrl: env.dynamicUrl,
      ...credentials,
      scopeRequestId: SCOPE_REQUEST_ID,
      only: ONLY,
      // The spec's WWW-Authenticate header is any string, so the dynamic mock makes one up
      // instead of `Bearer`; the static mock answers the example and passes auth.no-token.
      skip: [...SKIP, 'auth.no-token'],
      seed: 2,
    });
    expect(report.results.filter((r) => r.outcome === 'failed')).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('as a command (client_secret_basic): exits 0, read-only by default, JUnit without failures', async () => {
    const junit = path.join(mkdtempSync(path.join(tmpdir(), 'civic-junit-')), 'conformance.xml');
    const out: string[] = [];
    const io: CommandIo = {
      stdout: (text) => out.push(text),
      stderr: (text) => out.push(`stderr: ${text}`),
      env: { CIVIC_CLIENT_ID: env.clientId, CIVIC_CLIENT_SECRET: env.clientSecret },
    };
    const code = await conformanceCommand(
      [
        ...['--base-url', env.staticUrl, '--token-url', env.tokenUrl],
        ...[
          '--client-auth',
          'client_secret_basic',
          '--junit',
          junit,
          '--only',
          ONLY.join(','),
          '--skip',
          SKIP.join(','),
        ],
      ],
      io,
    );
    const text = out.join('\n');
    expect(code, text).toBe(EXIT.conforms);
    expect(text).toMatch(/conforms to Civic Pass Customer API/);
    expect(text).toMatch(
      /SKIP {2}issuePass · auth\.no-token · .*\(skipped: changes state: run with --allow-writes/,
    );
    expect(text).not.toMatch(/^FAIL/m);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites [^>]*failures="0"/);
    expect(xml).toContain('<testcase classname="conformance.listPass"');
  });
});
