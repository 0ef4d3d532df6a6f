/**
 * What the `civic-pass` command needs from the world: where to write, the environment, whether
 * it runs on a terminal, how to make a client and how to ask a question. `nodeContext()` gives
 * the real ones; tests pass their own, so no test touches `process`.
 */
import { createInterface } from 'node:readline/promises';
import { type CivicPassClient, createCivicPassClient } from '../client.js';
import type { CivicPassClientOptions } from '../config.js';
import type { MockApi, MockApiOptions } from '../testing/mock-api.js';

/** A stream the command writes to: `process.stdout`, `process.stderr`, or a test's buffer. */
export interface CliOutput {
  write(chunk: string | Uint8Array): unknown;
  /** True when it is a terminal (progress lines and prompts are shown only there). */
  readonly isTTY?: boolean | undefined;
}

/**
 * Everything the command reads or writes outside its arguments.
 *
 * @example
 * ```ts
 * const code = await runCli(['networks'], { ...nodeContext(), env: {} });
 * ```
 */
export interface CliContext {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  /** True when standard input is a terminal someone can answer a question on. */
  readonly stdinIsTTY: boolean;
  /** The environment: credentials and URLs are read from here (and from `--env-file`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Makes the client every API command uses. */
  createClient(options: CivicPassClientOptions): CivicPassClient;
  /** Asks a yes/no question on the terminal; resolves to the answer. */
  confirm(question: string): Promise<boolean>;
  /** The current time in milliseconds since the epoch. */
  now(): number;
  /** Starts the Prism mock and token endpoint (`civic-pass mock`). */
  startMock(options: MockApiOptions): Promise<MockApi>;
  /** Resolves when the user asks the command to stop (Ctrl-C, SIGTERM). */
  untilInterrupted(): Promise<string>;
}

/** Reads one line from the terminal and reads `y`/`yes` as yes; anything else is no. */
async function confirmOnTerminal(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    const answer = await rl.question(question);
    return /^(y|yes)$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * The real context: `process`'s streams and environment, the real client and Prism.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), nodeContext());
 * ```
 */
export function nodeContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: process.stdin.isTTY === true,
    env: process.env,
    createClient: createCivicPassClient,
    confirm: confirmOnTerminal,
    now: Date.now,
    // Loaded only when asked for: it is the one command that needs Prism.
    startMock: async (options) => (await import('../testing/mock-api.js')).startMockApi(options),
    untilInterrupted: untilSignal,
  };
}
