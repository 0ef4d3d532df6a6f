/** What the checks share: the wallets they work on, and what earlier checks learnt. */
import { CHAINS } from '../../../generated/api.js';
import { exampleParams, pathParameterPattern } from '../examples.js';

type Chain = keyof typeof CHAINS;
type ChainNetwork = (typeof CHAINS)[Chain]['networks'][number];

/** A wallet on one chain and network (`--wallet <chain>/<network>/<address>`). */
export interface ConformanceWallet {
  chain: Chain;
  chainNetwork: ChainNetwork;
  address: string;
}

/**
 * The path of a pass, relative to the base URL.
 *
 * @example
 * passPath({ chain: 'ethereum', chainNetwork: 'sepolia', address: '0x…' }); // '/pass/ethereum/sepolia/0x…'
 */
export function passPath(wallet: ConformanceWallet): string {
  return `/pass/${[wallet.chain, wallet.chainNetwork, wallet.address].map(encodeURIComponent).join('/')}`;
}

/** Reads a chain/network/address triple from a pass record, if it is one the spec allows. */
export function walletOf(record: unknown): ConformanceWallet | undefined {
  const r = record as { chain?: { type?: unknown; network?: unknown }; walletAddress?: unknown };
  const chain = r?.chain?.type;
  const network = r?.chain?.network;
  if (typeof chain !== 'string' || !Object.hasOwn(CHAINS, chain)) return undefined;
  const info = CHAINS[chain as Chain];
  const networks: readonly string[] = info.networks;
  if (!networks.includes(network as string)) return undefined;
  // Only a wallet the path accepts can be read back.
  if (
    typeof r.walletAddress !== 'string' ||
    // Stryker disable next-line StringLiteral: the spec's wallet patterns are ASCII, the same with or without the u flag
    !new RegExp(info.walletPattern, 'u').test(r.walletAddress)
  ) {
    return undefined;
  }
  return { chain: chain as Chain, chainNetwork: network as ChainNetwork, address: r.walletAddress };
}

/** Shared state of one run. */
export class Fixtures {
  /** A pass the server already holds (the first `listPass` returned). */
  knownPass: ConformanceWallet | undefined;
  /** The evidence links of the PII request, as `getPii` returned them. */
  evidenceRels: string[] | undefined;
  /** The spec's example wallet, for requests that need some valid wallet. */
  readonly example: ConformanceWallet;
  /** The spec's example PII request id and evidence rel. */
  readonly exampleScope: string;
  readonly exampleRel: string;
  /** The rels the evidence path accepts. */
  readonly #relPattern: RegExp;

  constructor(
    /** The wallet of the lifecycle checks. */
    readonly wallet: ConformanceWallet | undefined,
    readonly scopeRequestId: string | undefined,
    /** What the spec gives: its path parameters' examples and the pattern of `rel`. */
    spec: { examples: Record<string, string>; relPattern: RegExp | undefined } = {
      examples: exampleParams(),
      relPattern: pathParameterPattern('rel'),
    },
  ) {
    const { examples } = spec;
    this.#relPattern = spec.relPattern ?? /^[^/]+$/;
    this.example = {
      chain: examples.chain as Chain,
      chainNetwork: examples.chainNetwork as ChainNetwork,
      address: examples.wallet ?? '',
    };
    this.exampleScope = examples.scopeRequestId ?? 'scope-request';
    this.exampleRel = examples.rel ?? 'idDocumentFront';
  }

  /** The wallet reads use: the given one, else one the server holds, else the spec's example. */
  readWallet(): ConformanceWallet {
    return this.wallet ?? this.knownPass ?? this.example;
  }

  learnPass(record: unknown): void {
    this.knownPass ??= walletOf(record);
  }

  learnEvidence(pii: unknown): void {
    const links = (pii as { links?: { rel?: unknown }[] } | undefined)?.links;
    // Only a rel the evidence path accepts can be fetched; `self` links the request.
    this.evidenceRels = Array.isArray(links)
      ? links
          .map((link) => link?.rel)
          .filter(
            (rel): rel is string =>
              typeof rel === 'string' && rel !== 'self' && this.#relPattern.test(rel),
          )
      : [];
  }
}
