/**
 * Runs the `civic-pass` command in-process with a context of the test's own: captured stdout
 * and stderr, a chosen environment and terminal, and a real client on a scripted `fetch`
 * (tests/support/fake-api.ts), so every request the command makes is recorded.
 */

import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/program.js';
import { createClientWithRuntime } from '../../src/client.js';
import type { CivicPassClientOptions } from '../../src/index.js';
import type { MockApi, MockApiOptions } from '../../src/testing/index.js';
import {
  BASE_URL,
  CLIENT_ID,
  CLIENT_SECRET,
  fakeApi,
  type Handler,
  TOKEN_URL,
} from './fake-api.js';

/** The time the command sees: 2023-11-14T22:13:20Z. */
export const NOW_MS = 1_700_000_000_000;

export interface CliHarnessOptions {
  /** Replaces the default environment (credentials and URLs of the fake API). */
  env?: Record<string, string | undefined>;
  /** Answers API requests; default 404. */
  api?: Handler;
  /** Answers token requests; default a fresh token. */
  token?: Handler;
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** The answer to a confirmation question; default: the test fails if one is asked. */
  confirm?: boolean;
  startMock?: (options: MockApiOptions) => Promise<MockApi>;
  /** Use the real network (a local server named in `env`) instead of the scripted fetch. */
  realFetch?: boolean;
  /** The client's maxRetries; default 0, so an error status is seen at once. */
  maxRetries?: number;
  /** Backoff and Retry-After waits are announced as usual but not slept. */
  instantWaits?: boolean;
}

/** The environment that points the command at the fake API. */
export const FAKE_ENV = {
  CIVIC_CLIENT_ID: CLIENT_ID,
  CIVIC_CLIENT_SECRET: CLIENT_SECRET,
  CIVIC_API_BASE_URL: BASE_URL,
  CIVIC_TOKEN_URL: TOKEN_URL,
};

/** A fresh harness: run the command, then look at what it printed and sent. */
export function cliHarness(options: CliHarnessOptions = {}) {
  const fake = fakeApi({
    ...(options.api && { api: options.api }),
    ...(options.token && { token: options.token }),
  });
  const stdout = { text: '', bytes: [] as Uint8Array[] };
  const stderr = { text: '' };
  /** Every write to either stream, in order: to see how they interleave on one terminal. */
  const writes: string[] = [];
  const questions: string[] = [];
  const clientOptions: CivicPassClientOptions[] = [];
  const context: CliContext = {
    stdout: {
      isTTY: options.stdoutIsTTY ?? false,
      write: (chunk) => {
        if (typeof chunk === 'string') {
          stdout.text += chunk;
          writes.push(`out:${chunk}`);
        } else stdout.bytes.push(chunk);
      },
    },
    stderr: {
      isTTY: options.stderrIsTTY ?? false,
      write: (chunk) => {
        stderr.text += String(chunk);
        writes.push(`err:${String(chunk)}`);
      },
    },
    stdinIsTTY: options.stdinIsTTY ?? false,
    env: options.env ?? FAKE_ENV,
    createClient: (given) => {
      clientOptions.push(given);
      // No retries: a test of an error status sees it at once, without waiting.
      return createClientWithRuntime(
        {
          ...given,
          ...(!options.realFetch && { fetch: fake.fetch }),
          maxRetries: options.maxRetries ?? 0,
        },
        options.instantWaits ? { sleep: async () => {} } : {},
      );
    },
    confirm: async (question) => {
      questions.push(question);
      if (options.confirm === undefined) throw new Error(`unexpected question: ${question}`);
      return options.confirm;
    },
    now: () => NOW_MS,
    startMock:
      options.startMock ?? (() => Promise.reject(new Error('this test does not start a mock'))),
    untilInterrupted: async () => 'SIGINT',
  };
  return {
    run: (...argv: string[]) => runCli(argv, context),
    stdout,
    stderr,
    writes,
    questions,
    clientOptions,
    fake,
    /** The API requests (not the token's) as `METHOD path body`. */
    apiCalls: () =>
      fake.apiRequests().map((r) => `${r.method} ${r.path}${r.body === null ? '' : ` ${r.body}`}`),
  };
}
