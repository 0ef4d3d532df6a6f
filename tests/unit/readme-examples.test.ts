import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README code that users copy', () => {
  it('shows examples/quickstart.ts as it is (which npm test type-checks)', () => {
    const source = readFileSync('examples/quickstart.ts', 'utf8');
    const body = source.slice(source.indexOf('*/') + 2).trimStart();
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`\`\`\`ts\n${body}\`\`\``);
  });

  it('names every example file that exists', () => {
    const readme = readFileSync('README.md', 'utf8');
    const names = readdirSync('examples').filter((name) => name.endsWith('.ts'));
    expect(names).toContain('quickstart.ts');
    for (const name of names) expect(readme).toContain(`(examples/${name})`);
  });
});
