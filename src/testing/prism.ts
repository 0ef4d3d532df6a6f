import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defaultSpecPath } from './package-root.js';

/** Options of {@link startPrism}. */
export interface PrismOptions {
  /** The OpenAPI document to mock; default: the package's `spec/customer_api.yaml`. */
  spec?: string;
  /** Randomised bodies generated from the schemas (`-d`) instead of the spec's examples. */
  dynamic?: boolean;
  /** Seed of the dynamic bodies (`--seed`), so that a run can be repeated; implies `dynamic`. */
  seed?: number | string;
  /** Answer requests that break the spec with an error (`--errors`); default `true`. */
  errors?: boolean;
  /** Interface to listen on; default `127.0.0.1` (never exposed beyond the machine). */
  host?: string;
  /** Port; default `0`, a free port chosen by the system. */
  port?: number;
  /** How long to wait for "Prism is listening" before giving up; default 30 s. */
  startTimeoutMs?: number;
}

/** A running Prism mock, as returned by {@link startPrism}. */
export interface PrismMock {
  /** Base URL of the mock, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  readonly url: string;
  /** The Prism process id. */
  readonly pid: number;
  /** How long Prism took to start listening, in milliseconds. */
  readonly startupMs: number;
  /** Prism's output so far (stdout and stderr, the last 64 KiB), for diagnosing failures. */
  output(): string;
  /** Stops Prism: SIGTERM, then SIGKILL if it has not exited after a grace period. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Thrown when Prism cannot be found, exits early, or does not start listening in time.
 *
 * @example
 * await startPrism().catch((e) => e instanceof PrismStartError && console.error(e.output));
 */
export class PrismStartError extends Error {
  override readonly name = 'PrismStartError';
  /** Prism's own output up to the failure. */
  readonly output: string;
  /**
   * `PRISM_NOT_INSTALLED` when @stoplight/prism-cli cannot be found (a development dependency
   * the user has to install), `PRISM_FAILED` for any other failure to start.
   */
  readonly code: 'PRISM_NOT_INSTALLED' | 'PRISM_FAILED';

  constructor(message: string, output: string, code: PrismStartError['code'] = 'PRISM_FAILED') {
    super(output.trim() ? `${message}\n--- prism output ---\n${output.trim()}` : message);
    this.output = output;
    this.code = code;
  }
}

const OUTPUT_LIMIT = 64 * 1024;
const STOP_GRACE_MS = 3_000;
// Prism prints this line once its HTTP server accepts connections.
const LISTENING = /Prism is listening on (https?:\/\/\S+)/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Where the `prism` command of `@stoplight/prism-cli` lives. It is a development dependency of
 * this package, so a user of the `./testing` entry point must install it; say so when it is
 * missing instead of failing with a bare MODULE_NOT_FOUND.
 *
 * @example
 * spawn(process.execPath, [prismBinPath(), ...prismArguments()]);
 */
export function prismBinPath(): string {
  const require = createRequire(import.meta.url);
  let manifestPath: string;
  try {
    manifestPath = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new PrismStartError(
      'cannot find @stoplight/prism-cli: install it (npm install --save-dev @stoplight/prism-cli@~5.14.2) to run the mock',
      '',
      'PRISM_NOT_INSTALLED',
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: unknown };
  const bin =
    typeof manifest.bin === 'string'
      ? manifest.bin
      : (manifest.bin as Record<string, string> | undefined)?.prism;
  if (!bin) throw new PrismStartError(`${manifestPath} declares no prism bin`, '');
  return path.join(path.dirname(manifestPath), bin);
}

/**
 * The command-line arguments for `prism mock`, in the order Prism documents them.
 *
 * @example
 * prismArguments({ spec: 'a.yaml', seed: 7 }); // ['mock', 'a.yaml', '--errors', '-h', '127.0.0.1', '-p', '0', '-d', '--seed', '7']
 */
export function prismArguments(options: PrismOptions = {}): string[] {
  const args = ['mock', options.spec ?? defaultSpecPath()];
  if (options.errors ?? true) args.push('--errors');
  args.push('-h', options.host ?? '127.0.0.1', '-p', String(options.port ?? 0));
  if (options.dynamic || options.seed !== undefined) args.push('-d');
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  return args;
}

/**
 * Starts `prism mock <spec> --errors` on a free loopback port and resolves once Prism says it is
 * listening. Fails with a {@link PrismStartError} carrying Prism's own output when Prism exits
 * early or is not listening within `startTimeoutMs`. The process is also killed when the current
 * Node.js process exits, so a crashed test run leaves no Prism behind.
 *
 * @example
 * const prism = await startPrism({ seed: 42 });
 * try {
 *   const response = await fetch(`${prism.url}/pass`, { method: 'POST', headers: { authorization: 'Bearer x' } });
 * } finally {
 *   await prism.stop();
 * }
 */
export async function startPrism(options: PrismOptions = {}): Promise<PrismMock> {
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const started = performance.now();
  const child = spawn(process.execPath, [prismBinPath(), ...prismArguments(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Colour codes would only get in the way of reading the output.
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8').replace(ANSI, '')).slice(-OUTPUT_LIMIT);
  };
  // Keep draining both pipes for the whole life of the process: Prism logs every request, and a
  // full pipe would stall it.
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve()); // spawn failed: there is no process to wait for
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = once(async () => {
    process.removeListener('exit', killOnExit);
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
  });

  let url: string;
  try {
    url = await waitForListening(child, () => output, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: url.replace(/\/$/, ''),
    pid: child.pid ?? -1,
    startupMs: Math.round(performance.now() - started),
    output: () => output,
    stop,
  };
}

function waitForListening(
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = LISTENING.exec(output());
      if (match?.[1]) finish(() => resolve(match[1] as string));
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(() =>
        reject(
          new PrismStartError(
            `prism exited before listening (${signal ?? `exit code ${code}`})`,
            output(),
          ),
        ),
      );
    const onError = (error: Error) =>
      finish(() => reject(new PrismStartError(`cannot run prism: ${error.message}`, output())));
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new PrismStartError(`prism was not listening after ${timeoutMs} ms`, output())),
        ),
      timeoutMs,
    );
    function finish(settle: () => void) {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
      child.off('error', onError);
      settle();
    }
    // Registered after the draining listeners, so `output()` already holds the new chunk.
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', onExit);
    child.once('error', onError);
    check();
  });
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= fn();
    return running;
  };
}
