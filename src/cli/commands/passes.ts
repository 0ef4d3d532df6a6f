/**
 * `civic-pass passes …`: act on one wallet's pass, or list passes.
 */
import { type Command, Option } from 'commander';
import { STATE_VALUES } from '../../../generated/api.js';
import type { BulkAction } from '../../bulk.js';
import { EXPIRE_LEAD_S } from '../../resources/passes.js';
import type { ListPassFilter, Pass, PassRef, State } from '../../types.js';
import { WAIT_DEFAULTS } from '../../wait.js';
import type { CliContext } from '../context.js';
import { Declined, EXIT, UsageError } from '../errors.js';
import { formatPass, formatTimestamp, PASS_COLUMNS, passRow, streamingTable } from '../format.js';
import { nonNegativeInteger, passRef, positiveInteger, Session } from '../session.js';
import { addBulkOptions, type BulkFlags, runBulk } from './bulk.js';

const TARGET = '<chain/network>';
// Optional where `--from <file>` can name many passes instead.
const OPTIONAL_TARGET = '[chain/network]';
const OPTIONAL_WALLET = '[wallet]';
const TARGET_HELP = 'e.g. ethereum/sepolia or solana/devnet (a bare network works too)';
const WALLET_HELP = 'the wallet address (EVM 0x…, or Solana base58)';

/** What a change returns with `--json`: what was done, to which pass. */
function done(action: string, ref: PassRef, extra: Record<string, unknown> = {}) {
  return {
    ok: true,
    action,
    chain: ref.chain,
    chainNetwork: ref.chainNetwork,
    wallet: ref.wallet,
    ...extra,
  };
}

const where = (ref: PassRef) => `${ref.wallet} on ${ref.chain}/${ref.chainNetwork}`;

/**
 * Reads `--at`: seconds since the epoch, or a date (`2030-01-01`, `2030-01-01T12:00:00Z`). A
 * time that has passed (by `nowMs`) is refused: it is almost always a typo, and the pass would
 * expire at once.
 *
 * @example
 * ```ts
 * parseWhen('2030-01-01', Date.now()); // Date
 * parseWhen('1900000000', Date.now()); // 1900000000
 * ```
 */
export function parseWhen(text: string, nowMs: number): Date | number {
  let ms: number;
  let when: Date | number;
  if (/^\d+$/.test(text)) {
    when = Number(text);
    ms = when * 1000;
  } else {
    ms = Date.parse(text);
    if (Number.isNaN(ms)) {
      throw new UsageError(
        `--at "${text}" is neither a date nor seconds since the epoch`,
        'e.g. --at 2030-01-01T00:00:00Z or --at 1893456000',
      );
    }
    when = new Date(ms);
  }
  if (ms <= nowMs) {
    throw new UsageError(
      `--at "${text}" is in the past (${new Date(ms).toISOString()})`,
      `give a later time, or leave --at out to expire the pass in ${EXPIRE_LEAD_S} seconds`,
    );
  }
  return when;
}

const BULK_ONLY = {
  journal: '--journal',
  results: '--results',
  concurrency: '--concurrency',
  readLagMs: '--read-lag-ms',
} as const;

/** Adds `passes` and its subcommands to the program. */
export function registerPasses(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const passes = program
    .command('passes')
    .description('issue, read, freeze, unfreeze, expire, revoke and list Civic Passes');
  const session = (command: Command) => new Session(context, command);

  /**
   * The one pass the arguments name; or, with `--from`, the action run over the file's wallets
   * (then `undefined`: the bulk run has printed its own summary).
   */
  const oneOrMany = async (
    s: Session,
    action: BulkAction,
    target: string | undefined,
    wallet: string | undefined,
    options: BulkFlags & { yes?: boolean },
    at?: () => Date | number | undefined,
  ): Promise<PassRef | undefined> => {
    if (options.from !== undefined) {
      if (target !== undefined || wallet !== undefined) {
        throw new UsageError(
          '--from replaces <chain/network> <wallet>',
          'give a file, or one pass, not both',
        );
      }
      const when = at?.();
      const ok = await runBulk(
        s,
        action,
        { ...options, from: options.from },
        {
          ...(options.yes !== undefined && { yes: options.yes }),
          ...(when !== undefined && { at: when }),
        },
      );
      if (!ok) setExitCode(EXIT.failed);
      return undefined;
    }
    for (const [key, flag] of Object.entries(BULK_ONLY)) {
      if (options[key as keyof typeof BULK_ONLY] !== undefined) {
        throw new UsageError(`${flag} needs --from`, 'it applies to a run over a file of wallets');
      }
    }
    if (target === undefined || wallet === undefined) {
      throw new UsageError(
        `missing required argument '${target === undefined ? 'chain/network' : 'wallet'}'`,
        `see: civic-pass passes ${action} --help (or --from <file> for many wallets)`,
      );
    }
    return passRef(target, wallet);
  };

  passes
    .command('get')
    .description('show a pass and its events')
    .argument(TARGET, TARGET_HELP)
    .argument('<wallet>', WALLET_HELP)
    .action(async (target: string, wallet: string, _options: object, command: Command) => {
      const s = session(command);
      const ref = passRef(target, wallet);
      const pass = await (await s.client()).passes.get(ref);
      s.result(pass, () => formatPass(pass));
    });

  addBulkOptions(
    passes
      .command('issue')
      .description('issue a pass to a wallet (it is confirmed on chain later)')
      .argument(OPTIONAL_TARGET, TARGET_HELP)
      .argument(OPTIONAL_WALLET, WALLET_HELP),
  )
    .option('--wait', 'wait until the chain confirms it (state ACTIVE)')
    .option(
      '--wait-timeout <seconds>',
      `how long --wait waits at most (default ${WAIT_DEFAULTS.timeoutMs / 1000})`,
      positiveInteger,
    )
    .action(
      async (
        target: string | undefined,
        wallet: string | undefined,
        options: BulkFlags & { wait?: boolean; waitTimeout?: number },
        command: Command,
      ) => {
        const s = session(command);
        if (options.wait && options.from !== undefined) {
          throw new UsageError('--wait works on one pass, not with --from', 'drop --wait');
        }
        const ref = await oneOrMany(s, 'issue', target, wallet, options);
        if (ref === undefined) return;
        if (options.waitTimeout !== undefined && !options.wait) {
          throw new UsageError('--wait-timeout needs --wait', 'add --wait, or drop --wait-timeout');
        }
        const civic = await s.client();
        if (!options.wait) {
          const pass = await civic.passes.issue(ref);
          s.result(pass, () => `issued a pass to ${where(ref)}\n${formatPass(pass)}`);
          return;
        }
        if (s.context.stderr.isTTY)
          s.err(`issuing a pass to ${where(ref)}, waiting for the chain…\n`);
        const pass = await civic.passes.issueAndWait(ref, {
          timeoutMs: (options.waitTimeout ?? WAIT_DEFAULTS.timeoutMs / 1000) * 1000,
        });
        s.result(pass, () => `the pass of ${where(ref)} is ACTIVE\n${formatPass(pass)}`);
      },
    );

  for (const [name, description, past] of [
    ['freeze', 'freeze a pass (state FROZEN)', 'froze'],
    ['unfreeze', 'unfreeze a pass (state ACTIVE)', 'unfroze'],
  ] as const) {
    addBulkOptions(
      passes
        .command(name)
        .description(description)
        .argument(OPTIONAL_TARGET, TARGET_HELP)
        .argument(OPTIONAL_WALLET, WALLET_HELP),
    ).action(
      async (
        target: string | undefined,
        wallet: string | undefined,
        options: BulkFlags,
        command: Command,
      ) => {
        const s = session(command);
        const ref = await oneOrMany(s, name, target, wallet, options);
        if (ref === undefined) return;
        await (await s.client()).passes[name](ref);
        s.result(
          done(name, ref),
          () => `${past} the pass of ${where(ref)} (applied on chain shortly)\n`,
        );
      },
    );
  }

  addBulkOptions(
    passes
      .command('expire')
      .description(`make a pass expire (in ${EXPIRE_LEAD_S} seconds unless --at)`)
      .argument(OPTIONAL_TARGET, TARGET_HELP)
      .argument(OPTIONAL_WALLET, WALLET_HELP),
  )
    .option('--at <when>', 'when: a date (2030-01-01T00:00:00Z) or seconds since the epoch')
    .action(
      async (
        target: string | undefined,
        wallet: string | undefined,
        options: BulkFlags & { at?: string },
        command: Command,
      ) => {
        const s = session(command);
        // In bulk, no --at means the journal's (a resumed run keeps its expiry), else now + 5 s.
        const ref = await oneOrMany(s, 'expire', target, wallet, options, () =>
          options.at === undefined ? undefined : parseWhen(options.at, context.now()),
        );
        if (ref === undefined) return;
        const at =
          options.at === undefined
            ? Math.floor(context.now() / 1000) + EXPIRE_LEAD_S
            : parseWhen(options.at, context.now());
        await (await s.client()).passes.expire(ref, { at });
        const seconds = at instanceof Date ? Math.floor(at.getTime() / 1000) : at;
        s.result(
          done('expire', ref, { expiryTimestamp: seconds }),
          () => `the pass of ${where(ref)} expires at ${formatTimestamp(seconds)}\n`,
        );
      },
    );

  addBulkOptions(
    passes
      .command('revoke')
      .description(
        'revoke a pass, IRREVERSIBLY: no pass can be issued to that wallet on that network again',
      )
      .argument(OPTIONAL_TARGET, TARGET_HELP)
      .argument(OPTIONAL_WALLET, WALLET_HELP),
  )
    .option('-y, --yes', 'do not ask for confirmation (required when stdin is not a terminal)')
    .action(
      async (
        target: string | undefined,
        wallet: string | undefined,
        options: BulkFlags & { yes?: boolean },
        command: Command,
      ) => {
        const s = session(command);
        const ref = await oneOrMany(s, 'revoke', target, wallet, options);
        if (ref === undefined) return;
        if (!options.yes) {
          if (!context.stdinIsTTY) {
            throw new UsageError(
              'revoke is irreversible and there is no terminal to confirm on',
              'add --yes to revoke without a question',
            );
          }
          const question =
            `Revoke the pass of ${where(ref)}? This cannot be undone: no pass can ever be ` +
            `issued to this wallet on ${ref.chainNetwork} again. [y/N] `;
          if (!(await context.confirm(question)))
            throw new Declined('revoke cancelled, nothing was sent');
        }
        await (await s.client()).passes.revoke(ref);
        s.result(done('revoke', ref), () => `revoked the pass of ${where(ref)}\n`);
      },
    );

  passes
    .command('list')
    .description('list the passes you issued, one page (or --all)')
    .addOption(new Option('--state <state>', 'only passes in this state').choices(STATE_VALUES))
    .option('--wallet <address>', 'only the passes of this wallet')
    .option('--limit <n>', 'page size (default 20)', positiveInteger)
    .option('--skip <n>', 'passes to skip first (default 0)', nonNegativeInteger)
    .option('--all', 'every page, one after the other (progress on stderr on a terminal)')
    .option('--max <n>', 'with --all: stop after this many passes', positiveInteger)
    .action(
      async (
        options: {
          state?: State;
          wallet?: string;
          limit?: number;
          skip?: number;
          all?: boolean;
          max?: number;
        },
        command: Command,
      ) => {
        const s = session(command);
        const filter: ListPassFilter = {};
        if (options.state !== undefined) filter.state = options.state;
        if (options.wallet !== undefined) filter.walletAddress = options.wallet;
        const hasFilter = Object.keys(filter).length > 0;
        if (options.all && options.skip !== undefined) {
          throw new UsageError('--skip cannot be combined with --all', 'drop one of them');
        }
        if (options.max !== undefined && !options.all) {
          throw new UsageError('--max needs --all', 'one page is bounded by --limit already');
        }
        const civic = await s.client();
        // No page larger than what --max lets through: a large account is not read for nothing.
        const pageSize =
          options.max === undefined ? options.limit : Math.min(options.limit ?? 20, options.max);
        const records: AsyncIterable<Pass> | Pass[] = options.all
          ? civic.passes.listAll({
              ...(hasFilter && { filter }),
              ...(pageSize !== undefined && { pageSize }),
            })
          : (
              await civic.passes.list({
                ...(hasFilter && { filter }),
                ...(options.limit !== undefined && { limit: options.limit }),
                ...(options.skip !== undefined && { skip: options.skip }),
              })
            ).records;
        await printPasses(s, records, {
          progressEvery: options.all === true ? (pageSize ?? 20) : 0,
          max: options.max,
        });
      },
    );
}

/**
 * Prints passes as they come, holding none of them: a table (widths fixed in advance), or a
 * JSON array with one pass per line. With `progressEvery` > 0 and stderr on a terminal, a
 * progress line on stderr counts the passes fetched.
 */
async function printPasses(
  s: Session,
  records: AsyncIterable<Pass> | Iterable<Pass>,
  { progressEvery, max }: { progressEvery: number; max: number | undefined },
): Promise<void> {
  const showProgress = progressEvery > 0 && s.context.stderr.isTTY === true;
  // On one terminal, the progress line must be wiped before a row is printed over it.
  const sharedTerminal = showProgress && s.context.stdout.isTTY === true;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) s.err('\r\u001b[2K');
    progressShown = false;
  };
  const table = streamingTable(PASS_COLUMNS);
  let count = 0;
  s.out(s.json ? '[' : table.header());
  let stopped = false;
  for await (const pass of records) {
    if (max !== undefined && count >= max) {
      // One more than --max arrived: there are more; `break` ends the walk (no further page).
      stopped = true;
      break;
    }
    if (sharedTerminal) clearProgress();
    if (s.json) s.out(`${count === 0 ? '\n' : ',\n'}  ${JSON.stringify(pass)}`);
    else s.out(table.row(passRow(pass)));
    count += 1;
    if (showProgress && count % progressEvery === 0) {
      s.err(`\r\u001b[2Kfetched ${count} passes…`);
      progressShown = true;
    }
  }
  if (s.json) s.out(count === 0 ? ']\n' : '\n]\n');
  if (showProgress) {
    clearProgress();
    s.err(`fetched ${count} passes\n`);
  }
  if (stopped) {
    s.err(`stopped after --max ${count} passes; there are more\n`);
  } else if (count === 0 && !s.json) {
    s.err('no passes match\n');
  }
}
