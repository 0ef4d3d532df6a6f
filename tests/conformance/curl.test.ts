/** Reproducing commands: shell-safe, and never with the token or the secret in them. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TOKEN_PLACEHOLDER, toCurl } from '../../src/conformance/index.js';

/** What a POSIX shell makes of a command line: its words, with $CIVIC_TOKEN filled in. */
function words(command: string): string[] {
  const script = `set -- ${command.replace(/^curl /, '')}; for w in "$@"; do printf '%s\\0' "$w"; done`;
  const out = execFileSync('sh', ['-c', script], { env: { CIVIC_TOKEN: 'tok-123' } });
  return out.toString('utf8').split('\0').slice(0, -1);
}

describe('toCurl', () => {
  it('quotes bodies with quotes and dollars so the shell sends them as they were', () => {
    const body = `{"note":"it's $HOME \`x\`"}`;
    const command = toCurl('http://127.0.0.1:9/partner', {
      method: 'PUT',
      path: '/piirequest/a/status',
      auth: 'token',
      body,
    });
    expect(command).toContain(`"authorization: Bearer ${TOKEN_PLACEHOLDER}"`);
    expect(words(command)).toEqual([
      '-i',
      '-X',
      'PUT',
      'http://127.0.0.1:9/partner/piirequest/a/status',
      '-H',
      'content-type: application/json',
      '-H',
      'authorization: Bearer tok-123',
      '--data-raw',
      body,
    ]);
  });

  it('shows a deliberately bad token as sent, and a real one only by its placeholder', () => {
    const bad = toCurl('https://x.example/partner', {
      method: 'GET',
      path: '/pass',
      auth: { authorization: 'Bearer not a token!' },
    });
    expect(words(bad)).toContain('authorization: Bearer not a token!');
    const real = toCurl('https://x.example/partner', {
      method: 'GET',
      path: '/pass',
      auth: { authorization: 'Bearer eyJreal.token.value', shown: 'Bearer $WRONG_AUDIENCE_TOKEN' },
    });
    expect(real).not.toContain('eyJreal');
    expect(real).toContain('"authorization: Bearer $WRONG_AUDIENCE_TOKEN"');
  });
});
