import type { CHAINS } from '../../generated/api.js';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

/** A repeatable source of generated inputs (`--seed`). */
export interface Random {
  readonly seed: number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
  /** A wallet address the chain's pattern accepts (`length` for Solana: 32 to 44). */
  wallet(chain: keyof typeof CHAINS, length?: number): string;
}

/**
 * A seeded generator (mulberry32): the same seed gives the same inputs, so a failure found with
 * generated data can be run again exactly.
 *
 * @example
 * const random = createRandom(42);
 * random.wallet('ethereum'); // the same 0x… address on every run with seed 42
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chars = (alphabet: string, n: number) =>
    Array.from({ length: n }, () => alphabet[int(alphabet.length)]).join('');
  return {
    seed,
    int,
    pick,
    wallet(chain, length) {
      if (chain === 'ethereum') return `0x${chars(HEX, 40)}`;
      return chars(BASE58, length ?? 44);
    },
  };
}
