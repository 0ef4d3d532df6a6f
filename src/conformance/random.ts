import type { CHAINS } from '../../generated/api.js';
// The sandbox's generator (mulberry32): one implementation of the sequence a seed gives.
import { createRandom as createGenerator } from '../sandbox/random.js';

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
  const generator = createGenerator(seed);
  const int = (n: number) => Math.floor(generator.next() * n);
  return {
    seed,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    wallet(chain, length) {
      return chain === 'ethereum' ? `0x${generator.hex(40)}` : generator.base58(length ?? 44);
    },
  };
}
