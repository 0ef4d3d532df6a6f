/** The README's "Sandbox" section keeps up with the code it documents. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Sandbox'), readme.indexOf('## A local mock'));

describe('README "Sandbox"', () => {
  it('documents every option of startSandbox (but the test-only fileSystem)', () => {
    const source = readFileSync('src/sandbox/sandbox.ts', 'utf8');
    const options = source.slice(source.indexOf('export interface SandboxOptions'));
    const names = [...options.slice(0, options.indexOf('\n}')).matchAll(/^ {2}(\w+)\?:/gm)]
      .map((m) => m[1])
      .filter((name) => name !== 'fileSystem');
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(section).toContain(`\`${name}\``);
  });

  it('names every route of the control API', () => {
    const source = readFileSync('src/sandbox/control.ts', 'utf8');
    const routes = [...source.matchAll(/^ {4}'(\/[\w/]+)': \{/gm)].map((m) => m[1]);
    expect(routes).toEqual(['/clock', '/clock/advance', '/faults', '/pii', '/reset']);
    for (const route of routes) expect(section).toContain(`/__sandbox${route}`);
  });
});
