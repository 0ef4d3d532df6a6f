/**
 * The bulk section of `npm run bench`: `civic-pass passes issue --from FILE` over many wallets
 * against a local stateful server (tests/support/pass-server.ts, in this process), run through
 * the command itself, so its journal (an fsync per group of intents), its results file and its
 * progress line are all in the figure. On a terminal the progress line shows on stderr.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { nodeContext } from '../src/cli/context.js';
import { runCli } from '../src/cli/program.js';
import { wallets, writeCsv } from '../tests/support/bulk-kill.js';
import { startPassServer } from '../tests/support/pass-server.js';

/** What one bulk run measured. */
export interface BulkFigures {
  wallets: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  issueRequests: number;
  summary: string;
  exitCode: number;
}

/**
 * Issues a pass to `count` fresh wallets with `civic-pass passes issue --from`, and times it.
 *
 * @example
 * const figures = await benchBulk(10_000, 32);
 */
export async function benchBulk(count: number, concurrency: number): Promise<BulkFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-bulk-'));
  const server = await startPassServer();
  try {
    const file = path.join(dir, 'wallets.csv');
    await writeCsv(file, wallets(count));
    let summary = '';
    const context = {
      ...nodeContext(),
      env: server.env,
      stdout: { write: (chunk: string | Uint8Array) => (summary += String(chunk)) },
    };
    const started = performance.now();
    const exitCode = await runCli(
      ['passes', 'issue', '--from', file, '--concurrency', String(concurrency)],
      context,
    );
    const seconds = (performance.now() - started) / 1000;
    const issueRequests = server.log.filter((entry) => entry.startsWith('POST ')).length;
    return {
      wallets: count,
      concurrency,
      seconds,
      perSecond: count / seconds,
      issueRequests,
      summary: summary.trim(),
      exitCode,
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
