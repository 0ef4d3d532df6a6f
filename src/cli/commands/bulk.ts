/**
 * `civic-pass passes <issue|freeze|unfreeze|expire|revoke> --from FILE`: one action on every
 * wallet of a file, through the library's journaled {@link bulk}. Run the same command again
 * after an interruption and it resumes.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type BulkAction, type BulkResult, type BulkSummary, bulk } from '../../bulk.js';
import { InputError } from '../../errors.js';
import { readJournal } from '../../journal.js';
import type { PassRef } from '../../types.js';
import { checkPassRef } from '../../validate.js';
import { Declined, UsageError } from '../errors.js';
import { nonNegativeInteger, parseTarget, positiveInteger, type Session } from '../session.js';

/** The options `--from` brings to each of the five commands. */
export interface BulkFlags {
  from?: string;
  journal?: string;
  results?: string;
  concurrency?: number;
  readLagMs?: number;
}

/**
 * Adds `--from` and its companions to a command.
 *
 * @example
 * ```ts
 * addBulkOptions(passes.command('freeze'));
 * ```
 */
export function addBulkOptions(command: Command): Command {
  return command
    .option(
      '--from <file>',
      'act on every wallet of a file (CSV chain,network,wallet or JSON lines)',
    )
    .option(
      '--journal <file>',
      'with --from: the journal that makes a re-run resume (default <file>.journal)',
    )
    .option(
      '--results <file>',
      'with --from: one JSON line per wallet (default <file>.results.jsonl)',
    )
    .option(
      '--concurrency <n>',
      'with --from: requests in flight at once (default 8)',
      positiveInteger,
    )
    .option(
      '--read-lag-ms <ms>',
      'with --from: how long an issued pass may take to be readable (default 60000)',
      nonNegativeInteger,
    );
}

const MAX_REPORTED = 5;

/**
 * Reads the wallets of a bulk file: CSV with a header row naming `chain`, `network` (or
 * `chainNetwork`) and `wallet`, or JSON lines with `chain`, `chainNetwork` (or `network`) and
 * `wallet`. Every line is checked before anything is sent; bad lines are a usage error that
 * names them.
 *
 * @example
 * ```ts
 * parseBulkFile('chain,network,wallet\nsolana,devnet,7Bq…\n', 'w.csv'); // [{ chain: 'solana', … }]
 * ```
 */
export function parseBulkFile(text: string, name: string): PassRef[] {
  const lines = text.split(/\r?\n/);
  const refs: PassRef[] = [];
  const problems: string[] = [];
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (first === -1) throw new UsageError(`${name} holds no wallets`);
  const jsonLines = lines[first]?.trim().startsWith('{') === true;
  let columns: Record<string, number> = {};
  if (!jsonLines) {
    const header = (lines[first] ?? '').split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    columns = Object.fromEntries(header.map((c, i) => [c, i]));
    if (columns.network === undefined && columns.chainNetwork !== undefined) {
      columns.network = columns.chainNetwork;
    }
    if (
      columns.chain === undefined ||
      columns.network === undefined ||
      columns.wallet === undefined
    ) {
      throw new UsageError(
        `${name}: the first line must be a header naming chain, network and wallet`,
        'e.g. chain,network,wallet — or give JSON lines {"chain":…,"chainNetwork":…,"wallet":…}',
      );
    }
  }
  for (let i = jsonLines ? first : first + 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('#')) continue;
    try {
      let chain: unknown;
      let network: unknown;
      let wallet: unknown;
      if (jsonLines) {
        const o = JSON.parse(line) as Record<string, unknown>;
        chain = o.chain;
        network = o.chainNetwork ?? o.network;
        wallet = o.wallet;
      } else {
        const cells = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
        chain = cells[columns.chain as number];
        network = cells[columns.network as number];
        wallet = cells[columns.wallet as number];
      }
      if (typeof chain !== 'string' || typeof network !== 'string' || typeof wallet !== 'string') {
        throw new UsageError('needs chain, network and wallet as text');
      }
      refs.push(checkPassRef({ ...parseTarget(`${chain}/${network}`), wallet }));
    } catch (error) {
      if (
        !(
          error instanceof UsageError ||
          error instanceof InputError ||
          error instanceof SyntaxError
        )
      ) {
        throw error;
      }
      const hint = error instanceof UsageError && error.hint ? ` (${error.hint})` : '';
      problems.push(`line ${i + 1}: ${error.message}${hint}`);
    }
  }
  if (problems.length > 0) {
    const more =
      problems.length > MAX_REPORTED ? `; and ${problems.length - MAX_REPORTED} more` : '';
    throw new UsageError(
      `${name}: ${problems.length} bad line${problems.length > 1 ? 's' : ''}, nothing was sent: ${problems.slice(0, MAX_REPORTED).join('; ')}${more}`,
    );
  }
  if (refs.length === 0) throw new UsageError(`${name} holds no wallets`);
  return refs;
}

/** The summary line scripts read: `issue: 300 of 300 done, 0 failed`. */
export function summaryLine(summary: BulkSummary): string {
  const { action, total, done, failed, inDoubt } = summary;
  const doubt = inDoubt > 0 ? `, ${inDoubt} not settled (run the same command again)` : '';
  return `${action}: ${done} of ${total} done, ${failed} failed${doubt}`;
}

/**
 * Runs one action over the wallets of `--from`, printing progress on a terminal and the summary
 * last. Exit 1 when anything failed or is left for another run.
 *
 * @example
 * ```ts
 * await runBulk(session, 'freeze', { from: 'wallets.csv' }, { confirmRevoke: false });
 * ```
 */
export async function runBulk(
  s: Session,
  action: BulkAction,
  flags: BulkFlags & { from: string },
  extra: { yes?: boolean; at?: Date | number },
): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(flags.from, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(
      `cannot read --from ${JSON.stringify(flags.from)}${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  }
  const items = parseBulkFile(text, flags.from);
  const journal = flags.journal ?? `${flags.from}.journal`;
  const resultsPath = flags.results ?? `${flags.from}.results.jsonl`;
  const civic = await s.client();

  if (action === 'revoke' && !extra.yes) {
    const ended = (await readJournal(journal))?.ended;
    const keys = new Set(items.map((r) => `${r.chain}/${r.chainNetwork}/${r.wallet}`));
    const left = [...keys].filter((k) => !ended?.has(k)).length;
    if (left > 0) {
      if (!s.context.stdinIsTTY) {
        throw new UsageError(
          `revoke is irreversible and there is no terminal to confirm ${left} revocations on`,
          'add --yes to revoke without a question',
        );
      }
      const question = `Revoke ${left} passes? This cannot be undone: no pass can ever be issued to those wallets on those networks again. [y/N] `;
      if (!(await s.context.confirm(question)))
        throw new Declined('revoke cancelled, nothing was sent');
    }
  }

  const results = createWriteStream(resultsPath, { flags: 'w' });
  const showProgress = s.context.stderr.isTTY === true;
  let seen = 0;
  let failed = 0;
  let lastDraw = 0;
  const draw = (force: boolean) => {
    const now = s.context.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    s.err(`\r\u001b[2K${action}: ${seen} of ${items.length}, ${failed} failed…`);
  };
  const onResult = (result: BulkResult) => {
    results.write(`${JSON.stringify(result)}\n`);
    seen += 1;
    if (result.outcome !== 'done') failed += 1;
    if (showProgress) draw(false);
  };
  let summary: BulkSummary;
  try {
    summary = await bulk(civic, {
      action,
      items,
      journal,
      onResult,
      ...(flags.concurrency !== undefined && { concurrency: flags.concurrency }),
      ...(flags.readLagMs !== undefined && { readLagMs: flags.readLagMs }),
      ...(extra.at !== undefined && { at: extra.at }),
    });
  } finally {
    await new Promise((resolve) => results.end(resolve));
    if (showProgress) s.err('\r\u001b[2K');
  }
  s.result({ ...summary, journal, results: resultsPath }, () => `${summaryLine(summary)}\n`);
  return summary.failed === 0 && summary.inDoubt === 0;
}
