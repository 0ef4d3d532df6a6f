/**
 * What every command action shares: the global options, the client built from the environment,
 * and the two ways of printing a result (a table for people, JSON for scripts).
 */
import { type Command, InvalidArgumentError } from 'commander';
import { CHAIN_VALUES, CHAINS } from '../../generated/api.js';
import type { CivicPassClient } from '../client.js';
import type { CivicPassClientOptions } from '../config.js';
import type { Chain, ChainNetwork, PassRef } from '../types.js';
import { checkPassRef } from '../validate.js';
import type { CliContext } from './context.js';
import { UsageError } from './errors.js';
import { cliLogger } from './logger.js';
import { clientOptions, loadEnv } from './settings.js';
import { closest } from './suggest.js';

/** The options every command accepts (declared on the program). */
export interface GlobalOptions {
  json?: boolean;
  envFile?: string;
  baseUrl?: string;
  tokenUrl?: string;
  timeoutMs?: number;
  attemptTimeoutMs?: number;
  verbose?: boolean;
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
    const { baseUrl, tokenUrl, timeoutMs, attemptTimeoutMs, verbose } = this.options;
    const flags = { baseUrl, tokenUrl, timeoutMs, attemptTimeoutMs };
    const options = clientOptions(await this.env(), flags);
    const logger = cliLogger({ verbose: verbose === true, stderr: this.context.stderr });
    // `logger` is the client's option for what it does (attempts, retries, waits).
    const withLogger: CivicPassClientOptions = logger ? { ...options, logger } : options;
    return this.context.createClient(withLogger);
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

const LIST_HINT = '`civic-pass networks` lists them';

/** The chain a network belongs to (each network belongs to one chain). */
function chainOf(network: string): Chain | undefined {
  return CHAIN_VALUES.find((c) => (CHAINS[c].networks as readonly string[]).includes(network));
}

/** "did you mean …" when a known name is close, else where to find the names. */
function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined
    ? `write <chain>/<network>, e.g. ethereum/sepolia; ${LIST_HINT}`
    : `did you mean ${suggestion}? ${LIST_HINT}`;
}

/**
 * Reads `<chain>/<network>`, or a bare network (each network belongs to one chain). A name
 * that is not known is a usage error suggesting the closest known one (`polygonamoy` → did you
 * mean polygonAmoy?).
 *
 * @example
 * ```ts
 * parseTarget('ethereum/sepolia'); // { chain: 'ethereum', chainNetwork: 'sepolia' }
 * parseTarget('devnet');           // { chain: 'solana', chainNetwork: 'devnet' }
 * ```
 */
export function parseTarget(text: string): { chain: Chain; chainNetwork: ChainNetwork } {
  const parts = text.split('/');
  const allNetworks = CHAIN_VALUES.flatMap((c) => [...CHAINS[c].networks]);
  if (parts.length === 1) {
    const chain = chainOf(text);
    if (!chain) {
      const near = closest(text, allNetworks);
      throw new UsageError(`unknown network "${text}"`, didYouMean(near));
    }
    return { chain, chainNetwork: text as ChainNetwork };
  }
  const [chainText, network] = parts;
  if (parts.length !== 2 || !chainText || !network) {
    throw new UsageError(
      `"${text}" is not <chain>/<network>`,
      `e.g. ethereum/sepolia or solana/devnet; ${LIST_HINT}`,
    );
  }
  if (!(CHAIN_VALUES as readonly string[]).includes(chainText)) {
    const near = closest(chainText, CHAIN_VALUES);
    throw new UsageError(
      `unknown chain "${chainText}"`,
      didYouMean(near === undefined ? undefined : `${near}/${network}`),
    );
  }
  const chain = chainText as Chain;
  const networks = CHAINS[chain].networks as readonly string[];
  if (!networks.includes(network)) {
    // A network of the other chain is the likeliest slip; else the closest of this chain's.
    const owner = chainOf(network);
    const near = owner ?? closest(network, networks);
    const suggestion = owner !== undefined ? `${owner}/${network}` : near && `${chain}/${near}`;
    throw new UsageError(
      owner === undefined
        ? `unknown ${chain} network "${network}"`
        : `${network} is a network of ${owner}, not of ${chain}`,
      didYouMean(suggestion),
    );
  }
  return { chain, chainNetwork: network as ChainNetwork };
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

/**
 * Parses a TCP port option (`--port 4010`): an integer from 0 (any free port) to 65535.
 *
 * @example
 * ```ts
 * new Option('--port <n>').argParser(port);
 * ```
 */
export function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535) {
    throw new InvalidArgumentError('expected a port number from 0 (any free port) to 65535.');
  }
  return n;
}
