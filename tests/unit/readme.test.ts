import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the retry policy is written in one place', () => {
  it('README "Retries and idempotency" repeats the words of src/retry.ts', () => {
    const source = readFileSync('src/retry.ts', 'utf8');
    const comment = source.slice(source.indexOf('/**'), source.indexOf('*/'));
    const policy = comment
      .split('\n')
      .map((line) => line.replace(/^\s*\/?\*+ ?/, ''))
      .join('\n')
      .split('\n\n')[1];
    expect(policy).toMatch(/^A call is attempted at most/);
    const readme = readFileSync('README.md', 'utf8');
    expect(words(readme)).toContain(words(policy ?? ''));
  });
});
