/**
 * The sandbox's source of chance: a small seeded generator (mulberry32), so that a sandbox
 * started with the same seed hands out the same pass ids, transaction hashes and faults.
 * Its state is one 32-bit number, which the data file keeps.
 */

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * A seeded pseudo-random generator. Not for secrets: tokens use `node:crypto`.
 *
 * @example
 * const random = createRandom(7);
 * random.hex(24); // the same 24 hex digits for every sandbox seeded with 7
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** `length` lower-case hexadecimal digits. */
  hex(length: number): string;
  /** `length` base58 characters (Solana's alphabet). */
  base58(length: number): string;
  /** The generator's state, to save and to resume from with {@link createRandom}. */
  state(): number;
}

/**
 * Makes a generator from a seed, or resumes one from a saved {@link Random.state}.
 *
 * @example
 * const a = createRandom(1);
 * const b = createRandom(1);
 * a.next() === b.next(); // true
 */
export function createRandom(seed: number, state: number = seed >>> 0): Random {
  let s = state >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = (alphabet: string, length: number) => {
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(next() * alphabet.length)];
    return text;
  };
  return {
    next,
    hex: (length) => pick('0123456789abcdef', length),
    base58: (length) => pick(BASE58, length),
    state: () => s,
  };
}
