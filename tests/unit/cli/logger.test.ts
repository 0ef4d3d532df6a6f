import { describe, expect, it } from 'vitest';
import { cliLogger } from '../../../src/cli/logger.js';
import { cliHarness } from '../../support/cli.js';
import { CLIENT_SECRET, EVM_WALLET, passBody } from '../../support/fake-api.js';

function stderr(isTTY: boolean) {
  const lines: string[] = [];
  return {
    lines,
    output: { isTTY, write: (chunk: string | Uint8Array) => lines.push(String(chunk)) },
  };
}

describe('the command logger', () => {
  it('shows only the waits on a terminal, in seconds with their reason', () => {
    const err = stderr(true);
    const logger = cliLogger({ verbose: false, stderr: err.output });
    logger?.debug('attempt 1 of 3: GET /pass/…', { attempt: 1 });
    logger?.debug('waiting 4000 ms (429 Retry-After) before retry 1 of 2', {
      waitMs: 4000,
      retry: 1,
    });
    logger?.debug('waiting 850 ms (connection failed) before retry 2 of 2', { waitMs: 850 });
    expect(err.lines).toEqual([
      'civic-pass: waiting 4 s (429 Retry-After)\n',
      'civic-pass: waiting 0.9 s (connection failed)\n',
    ]);
  });

  it('is absent when stderr is not a terminal and --verbose is not given', () => {
    expect(cliLogger({ verbose: false, stderr: stderr(false).output })).toBeUndefined();
  });

  it('shows every line with --verbose, with its level and fields, on one line each', () => {
    const err = stderr(false);
    const logger = cliLogger({ verbose: true, stderr: err.output });
    logger?.debug('attempt 1', { operationId: 'getPass' });
    logger?.warn('odd\nanswer\u001b[2J');
    expect(err.lines).toEqual([
      'civic-pass debug: attempt 1 {"operationId":"getPass"}\n',
      'civic-pass warn: odd answer [2J\n',
    ]);
  });

  it('is given to the client with --verbose', async () => {
    const cli = cliHarness({ api: () => Response.json(passBody()) });
    expect(await cli.run('--verbose', 'passes', 'get', 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    expect(cli.clientOptions[0]).toHaveProperty('logger.debug');
    const quiet = cliHarness({ api: () => Response.json(passBody()) });
    expect(await quiet.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    expect(quiet.clientOptions[0]).not.toHaveProperty('logger');
  });

  it('shows the client waiting on a 429 on a terminal, and nothing of it elsewhere', async () => {
    const answers = () => {
      let n = 0;
      return () =>
        ++n === 1
          ? Response.json(
              { code: 'RATE_LIMITED', message: 'slow down' },
              {
                status: 429,
                headers: { 'retry-after': '1' },
              },
            )
          : Response.json(passBody());
    };
    const terminal = cliHarness({
      api: answers(),
      stderrIsTTY: true,
      maxRetries: 1,
      instantWaits: true,
    });
    expect(await terminal.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    expect(terminal.stderr.text).toBe('civic-pass: waiting 1 s (429 Retry-After)\n');
    expect(terminal.fake.apiRequests()).toHaveLength(2);

    const piped = cliHarness({
      api: answers(),
      stderrIsTTY: false,
      maxRetries: 1,
      instantWaits: true,
    });
    expect(await piped.run('passes', 'get', 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    expect(piped.stderr.text).toBe('');
  });

  it('logs every attempt with --verbose, never the secret', async () => {
    const cli = cliHarness({ api: () => Response.json(passBody()) });
    expect(await cli.run('--verbose', 'passes', 'get', 'ethereum/sepolia', EVM_WALLET)).toBe(0);
    expect(cli.stderr.text).toMatch(/^civic-pass debug: .*attempt 1 of 1/m);
    expect(cli.stderr.text).not.toContain(CLIENT_SECRET);
  });
});
