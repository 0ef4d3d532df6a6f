/**
 * What every command action shares: the global options, the client built from the environment,
 * and the two ways of printing a result (a table for people, JSON for scripts).
 */
import { type Command, InvalidArgumentError } from 'commander';
import { CHAIN_VALUES, CHAINS } from '../../generated/api.js';
import type { CivicPassClient } from '../client.js';
import type { Chain, ChainNetwork, PassRef } from '../types.js';
import { checkPassRef } from '../validate.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { clientOptions, loadEnv } from './settings.js';

/** The options every command accepts (declared on the program). */
export interface GlobalOptions {
  json?: boolean;
  envFile?: string;
  baseUrl?: string;
  tokenUrl?: string;
  timeoutMs?: number;
}

/**
 * One run of one command.
 *
 * @example
 * ```ts
 * const session = new Session(context, command);
 * session.result(pass, () => formatPass(pass));
 * ```
 */
export class Session {
  readonly context: CliContext;
  readonly #command: Command;

  constructor(context: CliContext, command: Command) {
    this.context = context;
    this.#command = command;
  }

  /** The global options, wherever they were written on the line. */
  get options(): GlobalOptions {
    return this.#command.optsWithGlobals<GlobalOptions>();
  }

  /** True with `--json`. */
  get json(): boolean {
    return this.options.json === true;
  }

  /** The environment, with `--env-file` laid over it. */
  env(): Promise<Readonly<Record<string, string | undefined>>> {
    return loadEnv(this.context.env, this.options.envFile);
  }

  /** A client from the environment (credentials) and the flags (URLs, deadline). */
  async client(): Promise<CivicPassClient> {
    const { baseUrl, tokenUrl, timeoutMs } = this.options;
    return this.context.createClient(
      clientOptions(await this.env(), { baseUrl, tokenUrl, timeoutMs }),
    );
  }

  /** Writes to stdout. */
  out(text: string): void {
    this.context.stdout.write(text);
  }

  /** Writes to stderr. */
  err(text: string): void {
    this.context.stderr.write(text);
  }

  /** Prints a result: `value` as JSON with `--json`, else the human form. */
  result(value: unknown, human: () => string): void {
    this.out(this.json ? `${JSON.stringify(value, null, 2)}\n` : human());
  }
}

/**
 * Reads `<chain>/<network>`, or a bare network (each network belongs to one chain).
 *
 * @example
 * ```ts
 * parseTarget('ethereum/sepolia'); // { chain: 'ethereum', chainNetwork: 'sepolia' }
 * parseTarget('devnet');           // { chain: 'solana', chainNetwork: 'devnet' }
 * ```
 */
export function parseTarget(text: string): { chain: Chain; chainNetwork: ChainNetwork } {
  const parts = text.split('/');
  if (parts.length === 1) {
    const chain = CHAIN_VALUES.find((c) =>
      (CHAINS[c].networks as readonly string[]).includes(text),
    );
    if (!chain) {
      throw new UsageError(
        `unknown network "${text}"`,
        'write <chain>/<network>, e.g. ethereum/sepolia; `civic-pass networks` lists them',
      );
    }
    return { chain, chainNetwork: text as ChainNetwork };
  }
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new UsageError(
      `"${text}" is not <chain>/<network>`,
      'e.g. ethereum/sepolia or solana/devnet; `civic-pass networks` lists them',
    );
  }
  return { chain: parts[0] as Chain, chainNetwork: parts[1] as ChainNetwork };
}

/**
 * A pass reference from the two positional arguments, checked by the client's own rules
 * (chain, network of that chain, wallet format) before anything is sent.
 *
 * @example
 * ```ts
 * passRef('solana/devnet', 'EvvN…'); // throws InputError for an EVM address
 * ```
 */
export function passRef(target: string, wallet: string): PassRef {
  return checkPassRef({ ...parseTarget(target), wallet });
}

/**
 * Parses a positive integer option (`--limit 50`); commander reports the error as bad usage.
 *
 * @example
 * ```ts
 * new Option('--limit <n>').argParser(positiveInteger);
 * ```
 */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('expected a positive integer.');
  }
  return n;
}

/** Parses a non-negative integer option (`--skip 0`). */
export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError('expected a non-negative integer.');
  }
  return n;
}
