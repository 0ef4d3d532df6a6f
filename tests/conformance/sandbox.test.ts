/**
 * The conformance runner against the stateful sandbox: it passes with --allow-writes, and each
 * deliberately broken variant (one defect, injected by a proxy in front of the sandbox) fails
 * with a message naming the defect's operation and check.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE } from '../../generated/api.js';
import { type CommandIo, conformanceCommand, EXIT } from '../../src/conformance/index.js';
import { type Sandbox, startSandbox } from '../../src/testing/index.js';
import { startDefectProxy } from '../support/defect-proxy.js';
import { VARIANTS } from '../support/defects.js';

const WALLET = `ethereum/sepolia/0x${'c0ffee'.repeat(6)}c0ff`;
const SCOPE = 'conformance-pii';

let sandbox: Sandbox;

/**
 * Where the sandbox and the spec disagree today (reported to the lead: the sandbox answers
 * deletePass and updatePiiReceipt 200 with `{"status":"ok"}`, the spec documents no body).
 * The runner is right to fail them; remove an entry when its side is fixed.
 */
const KNOWN_MISMATCHES = [
  'response.content-type: deletePass 200 has no documented body',
  'response.content-type: updatePiiReceipt 200 has no documented body',
];

beforeAll(async () => {
  // Confirmations at once: the runner's settle polling then ends on its first read.
  sandbox = await startSandbox({ confirmationDelayMs: 0, pii: [{ id: SCOPE }] });
});
afterAll(async () => {
  await sandbox.close();
});

/** Runs the command against `origin` (the sandbox or a proxy in front of it). */
async function run(origin: string, args: string[], target: Sandbox = sandbox) {
  const lines: string[] = [];
  const io: CommandIo = {
    stdout: (text) => lines.push(text),
    stderr: (text) => lines.push(text),
    env: { CIVIC_CLIENT_ID: target.clientId, CIVIC_CLIENT_SECRET: target.clientSecret },
  };
  const code = await conformanceCommand(
    [
      '--base-url',
      `${origin}/partner`,
      '--token-url',
      `${origin}/oauth/token`,
      '--allow-writes',
      '--wallet',
      WALLET,
      '--settle-timeout',
      '0.3',
      '--seed',
      '11',
      ...args,
    ],
    io,
  );
  return { code, output: lines.join('\n') };
}

const origin = () => new URL(sandbox.baseUrl).origin;

describe('the conformance runner against the sandbox', () => {
  it('passes every check with --allow-writes and a PII decision, covering every operation; README lists every check', async () => {
    sandbox.reset();
    const { code, output } = await run(origin(), [
      '--scope-request-id',
      SCOPE,
      '--pii-decision',
      'partner-pass',
    ]);
    const violations = output.split('\n').filter((line) => /^ {8}- /.test(line));
    const unknown = violations.filter((v) => !KNOWN_MISMATCHES.some((known) => v.includes(known)));
    expect(unknown, output).toEqual([]);
    expect(output).not.toMatch(/^(WARN|SKIP)/m);
    expect(output).toMatch(/ 0 warned, 0 skipped; operations checked 8\/8/);
    if (violations.length === 0) expect(code, output).toBe(EXIT.conforms);

    // README "Conformance in CI" lists every check of the run.
    const ids = new Set(
      [...output.matchAll(/^(?:PASS|FAIL|WARN|SKIP) {2}\S+ · (\S+) · /gm)].map((m) => m[1] ?? ''),
    );
    expect(ids.size).toBeGreaterThan(30);
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(
      readme.indexOf('## Conformance in CI'),
      readme.indexOf('## Benchmark'),
    );
    const listed = (id: string) =>
      section.includes(`\`${id}\``) || section.includes(`\`${id.slice(id.indexOf('.'))}\``);
    expect([...ids].filter((id) => !listed(id))).toEqual([]);
  });
});

// Each variant has a sandbox of its own (it starts in milliseconds), so they run side by side.
describe('broken variants of the sandbox', () => {
  it.concurrent.for(VARIANTS)('$name: fails $operationId · $check', async (variant, { expect }) => {
    const own = await startSandbox({ confirmationDelayMs: 0 });
    const proxy = await startDefectProxy(new URL(own.baseUrl).origin, variant.defect, {
      clientId: own.clientId,
      clientSecret: own.clientSecret,
      audience: DEFAULT_AUDIENCE,
    });
    try {
      const { code, output } = await run(
        proxy.url,
        ['--only', variant.only, ...(variant.args ?? [])],
        own,
      );
      expect(code, output).toBe(EXIT.nonConforming);
      expect(output).toMatch(/DOES NOT CONFORM/);
      const block = output
        .split(/\n(?=PASS|FAIL|SKIP|WARN)/)
        .find(
          (b) =>
            b.startsWith(`FAIL  ${variant.operationId} · ${variant.check} · `) &&
            (typeof variant.message === 'string'
              ? b.includes(variant.message)
              : variant.message.test(b)),
        );
      expect(block, output).toBeDefined();
      expect(block).toMatch(/reproduce: curl -i -X /);
      expect(output).not.toContain(own.clientSecret);
    } finally {
      await proxy.close();
      await own.close();
    }
  });
});
