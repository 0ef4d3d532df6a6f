/**
 * The conformance runner against Prism mocks of our own spec: everything conforms, so it passes,
 * with writes and PII included, statically and on generated bodies.
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

describe('the conformance runner against Prism', () => {
  it('passes every check on the static mock, writes and PII included', async () => {
    const report = await runConformance({
      baseUrl: env.staticUrl,
      ...credentials,
      allowWrites: true,
      wallet,
      scopeRequestId: SCOPE_REQUEST_ID,
      piiDecision: 'partner-pass',
    });
    expect(report.results.filter((r) => r.outcome !== 'passed')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.operationsChecked).toEqual(OPERATIONS.map((op) => op.operationId));
    expect(report.passed).toBe(report.results.length);
  });

  it('passes on generated bodies (dynamic mock)', async () => {
    const report = await runConformance({
      baseUrl: env.dynamicUrl,
      ...credentials,
      scopeRequestId: SCOPE_REQUEST_ID,
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
        '--base-url',
        env.staticUrl,
        '--token-url',
        env.tokenUrl,
        '--client-auth',
        'client_secret_basic',
        '--junit',
        junit,
      ],
      io,
    );
    const text = out.join('\n');
    expect(code, text).toBe(EXIT.conforms);
    expect(text).toMatch(/conforms to Civic Pass Customer API/);
    expect(text).toMatch(/SKIP {2}deletePass revokes the pass \(irreversible\)/);
    expect(text).not.toMatch(/^FAIL/m);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites [^>]*failures="0"/);
    expect(xml).toContain('<testcase classname="conformance.listPass"');
  });
});
