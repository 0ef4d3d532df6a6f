/**
 * Runs `civic-pass passes <action> --from FILE` as a child process against a local
 * {@link startPassServer}, kills it with SIGKILL once the server has seen a (seeded) random
 * number of requests, and runs it again, until a run completes. The server counts what each
 * wallet received, so a test can check that each was acted on exactly once.
 */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PassServer } from './pass-server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A small deterministic random generator (mulberry32), so a failing seed can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** `n` distinct EVM wallets, starting at `from`. */
export function wallets(n: number, from = 1): string[] {
  return Array.from({ length: n }, (_, i) => `0x${(from + i).toString(16).padStart(40, '0')}`);
}

/** Writes a CSV bulk file of the wallets on ethereum/sepolia. */
export async function writeCsv(file: string, list: readonly string[]): Promise<void> {
  await writeFile(
    file,
    `chain,network,wallet\n${list.map((w) => `ethereum,sepolia,${w}`).join('\n')}\n`,
  );
}

export interface RunOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command once; with `killAfterRequests`, SIGKILLs it when the server's request log
 * reaches that length (counted from the start of this run).
 */
export function runCli(
  server: PassServer,
  args: readonly string[],
  killAfterRequests?: number,
): Promise<RunOutcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...server.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const start = server.log.length;
  let timer: NodeJS.Timeout | undefined;
  if (killAfterRequests !== undefined) {
    timer = setInterval(() => {
      if (server.log.length - start >= killAfterRequests) child.kill('SIGKILL');
    }, 1);
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface KillResumeFigures {
  runs: number;
  kills: number;
  /** Wallets whose count of acting requests is not exactly one. */
  notOnce: string[];
  final: RunOutcome;
}

/**
 * Kills and resumes one bulk command until it completes (at most `maxKills` kills), then counts
 * per wallet the requests that act (`POST` for issue, `DELETE` for revoke, `PATCH` otherwise).
 */
export async function killAndResume(
  server: PassServer,
  options: {
    action: 'issue' | 'revoke' | 'freeze';
    file: string;
    list: readonly string[];
    random: () => number;
    maxKills: number;
    extraArgs?: readonly string[];
  },
): Promise<KillResumeFigures> {
  const args = [
    'passes',
    options.action,
    '--from',
    options.file,
    '--read-lag-ms',
    '0',
    '--concurrency',
    '8',
    ...(options.action === 'revoke' ? ['--yes'] : []),
    ...(options.extraArgs ?? []),
  ];
  let runs = 0;
  let kills = 0;
  let final: RunOutcome | undefined;
  while (final === undefined) {
    runs += 1;
    const killAt =
      kills < options.maxKills ? 1 + Math.floor(options.random() * options.list.length) : undefined;
    const outcome = await runCli(server, args, killAt);
    if (outcome.signal === 'SIGKILL') kills += 1;
    else final = outcome;
  }
  const verb = { issue: 'POST', revoke: 'DELETE', freeze: 'PATCH' }[options.action];
  const notOnce = options.list.filter(
    (w) => server.counts.get(`${verb} ethereum/sepolia/${w}`) !== 1,
  );
  return { runs, kills, notOnce, final };
}
