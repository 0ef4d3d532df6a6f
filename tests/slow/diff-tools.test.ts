/**
 * Scores spec:diff, Optic (`@useoptic/optic`, its breaking-changes ruleset) and Atlassian's
 * openapi-diff on the same case table, offline, and prints the three scores and each tool's
 * verdict on Civic's published version pairs: the figures the README quotes.
 *
 * Both tools run in-process through their own modules (Optic's CLI takes seconds to start per
 * call). Optic's telemetry (Segment, Sentry) and update check live in its CLI entry, which is
 * never loaded here; OPTIC_TELEMETRY_LEVEL=off is set as well, and the test counts outbound
 * connections while the tools run: there must be none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { diffSpecs as ours } from '../../scripts/spec-diff.js';
import { CASES, UPSTREAM, writeCases } from '../support/spec-diff-cases.js';

process.env.OPTIC_TELEMETRY_LEVEL = 'off';
process.env.NO_UPDATE_NOTIFIER = '1';

const require = createRequire(import.meta.url);
type Verdict = boolean | 'error';

const opticBuild = path.join(
  path.dirname(require.resolve('@useoptic/optic/package.json')),
  'build',
);
const { loadSpec } = require(path.join(opticBuild, 'utils', 'spec-loaders.js'));
const { compute } = require(path.join(opticBuild, 'commands', 'diff', 'compute.js'));
const openapiDiff = require('openapi-diff') as {
  diffSpecs(options: unknown): Promise<{ breakingDifferencesFound: boolean }>;
};

/** Optic's verdict: breaking when its default standard (breaking-changes) fails a check. */
async function optic(before: string, after: string): Promise<Verdict> {
  const config = { root: process.cwd(), ruleset: undefined, isInCi: true, isDefaultConfig: true };
  const options = { strict: false, denormalize: true };
  try {
    const base = await loadSpec(before, config, options);
    const head = await loadSpec(after, config, options);
    const result = await compute([base, head], config, { check: true, path: null });
    return result.checks.failed.error > 0;
  } catch {
    return 'error';
  }
}

/** openapi-diff's verdict: its `breakingDifferencesFound`; it refuses specs that do not validate. */
async function atlassian(before: string, after: string): Promise<Verdict> {
  const spec = (file: string) => ({
    content: readFileSync(file, 'utf8'),
    location: file,
    format: 'openapi3',
  });
  try {
    const result = await openapiDiff.diffSpecs({
      sourceSpec: spec(before),
      destinationSpec: spec(after),
    });
    return result.breakingDifferencesFound;
  } catch {
    return 'error';
  }
}

const TOOLS = {
  'spec:diff': async (a: string, b: string): Promise<Verdict> => (await ours(a, b)).breaking,
  Optic: optic,
  'openapi-diff': atlassian,
} as const;
type Tool = keyof typeof TOOLS;

const connections = vi.spyOn(net.Socket.prototype, 'connect');
const lines: string[] = [];
afterAll(() => {
  connections.mockRestore();
  console.log(lines.join('\n'));
});

describe('breaking-change tools on the case table', () => {
  it('scores each tool, with every row it misjudges', { timeout: 600_000 }, async () => {
    const { files } = writeCases();
    const score: Record<Tool, number> = { 'spec:diff': 0, Optic: 0, 'openapi-diff': 0 };
    const misses: Record<Tool, string[]> = { 'spec:diff': [], Optic: [], 'openapi-diff': [] };
    for (const [index, row] of CASES.entries()) {
      const pair = files[index] as { before: string; after: string };
      for (const tool of Object.keys(TOOLS) as Tool[]) {
        const verdict = await TOOLS[tool](pair.before, pair.after);
        if (verdict === row.breaking) score[tool] += 1;
        else
          misses[tool].push(
            `${row.name} (${verdict === 'error' ? 'error' : verdict ? 'breaking' : 'not breaking'})`,
          );
      }
    }
    lines.push(`case table (${CASES.length} rows):`);
    for (const tool of Object.keys(TOOLS) as Tool[]) {
      lines.push(`  ${tool}: ${score[tool]}/${CASES.length}`);
      for (const miss of misses[tool]) lines.push(`    misjudged: ${miss}`);
    }
    expect(score['spec:diff']).toBe(CASES.length);
    expect(connections).not.toHaveBeenCalled();
  });

  it.skipIf(!UPSTREAM)(
    'gives each tool’s verdict on Civic’s published pairs',
    { timeout: 600_000 },
    async () => {
      const dates = ['2023-03-13', '2023-03-15', '2023-12-28', '2024-02-01', '2025-05-30'];
      const file = (date: string) => path.join(UPSTREAM ?? '', `customer_api-${date}.yaml`);
      const pairs: [string, string, string, string][] = dates
        .slice(1)
        .map((date, i) => [dates[i] as string, date, file(dates[i] as string), file(date)]);
      pairs.push(['2025-05-30', 'ours', file('2025-05-30'), 'spec/customer_api.yaml']);
      lines.push('Civic’s pairs (breaking?):');
      for (const [from, to, before, after] of pairs) {
        const verdicts: string[] = [];
        for (const tool of Object.keys(TOOLS) as Tool[]) {
          const verdict = await TOOLS[tool](before, after);
          verdicts.push(`${tool} ${verdict === 'error' ? 'error' : verdict ? 'yes' : 'no'}`);
        }
        lines.push(`  ${from} -> ${to}: ${verdicts.join(', ')}`);
      }
      expect(connections).not.toHaveBeenCalled();
    },
  );
});
