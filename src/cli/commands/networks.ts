/**
 * `civic-pass networks`: every chain and network the spec knows, with its wallet format.
 */
import type { Command } from 'commander';
import { CHAIN_VALUES, CHAINS } from '../../../generated/api.js';
import type { CliContext } from '../context.js';
import { table } from '../format.js';
import { Session } from '../session.js';

/** One row per network, from `generated/` (so from the spec). */
export function networkRows() {
  return CHAIN_VALUES.flatMap((chain) =>
    CHAINS[chain].networks.map((network) => ({
      chain,
      network,
      target: `${chain}/${network}`,
      walletFormat: CHAINS[chain].walletFormat,
    })),
  );
}

/** Adds `networks` to the program. */
export function registerNetworks(program: Command, context: CliContext): void {
  program
    .command('networks')
    .description('list the chains and networks passes can be issued on (from the spec)')
    .action((_options: object, command: Command) => {
      const s = new Session(context, command);
      const rows = networkRows();
      s.result(rows, () =>
        table(
          ['CHAIN/NETWORK', 'WALLET FORMAT'],
          rows.map((row) => [row.target, row.walletFormat]),
        ),
      );
    });
}
