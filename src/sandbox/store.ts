/**
 * The sandbox's state and its data file. Everything lives in one plain object
 * ({@link SandboxState}); with `--data FILE`, every acknowledged change is written before the
 * answer leaves, atomically: to a temporary file, flushed to disk, then renamed over the data
 * file. A crash mid-write leaves the previous file whole, so nothing acknowledged is lost.
 */
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';
import type { ClockState } from './clock.js';
import { ApiError } from './http.js';
import type { PassRecord } from './lifecycle.js';
import type { PiiRecord } from './pii.js';
import type { TokenRecord } from './token.js';

/** Everything a sandbox knows; the data file holds exactly this, as JSON. */
export interface SandboxState {
  version: 1;
  /** State of the seeded generator (ids, transaction hashes). */
  random: number;
  clock: ClockState;
  /** In issue order, oldest first: the order of every list. */
  passes: PassRecord[];
  pii: PiiRecord[];
  tokens: TokenRecord[];
}

/** The file operations the store uses; tests pass their own to simulate a crash mid-write. */
export type FileSystem = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'readFileSync' | 'rmSync'
>;

/**
 * Writes `text` to `path` atomically: temporary file, fsync, rename, fsync of the folder.
 *
 * @example
 * writeAtomically('sandbox.json', JSON.stringify(state));
 */
export function writeAtomically(path: string, text: string, fs: FileSystem = nodeFs): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(temporary, 'w', 0o600);
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, path);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  // The rename itself is durable only once the folder is flushed (not possible on Windows).
  try {
    const dir = fs.openSync(dirname(path), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch {}
}

/** Why a data file cannot be used: the sandbox refuses to start rather than overwrite it. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

/**
 * Reads a data file: its state, or `null` when there is no such file.
 *
 * @example
 * const saved = readDataFile('sandbox.json'); // null on first start
 */
export function readDataFile(path: string, fs: FileSystem = nodeFs): SandboxState | null {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw new DataFileError(`cannot read the data file ${path}: ${(error as Error).message}`);
  }
  let state: Partial<SandboxState>;
  try {
    state = JSON.parse(text) as Partial<SandboxState>;
  } catch {
    throw new DataFileError(`the data file ${path} is not JSON: not a sandbox data file?`);
  }
  if (state?.version !== 1 || !Array.isArray(state.passes) || !Array.isArray(state.pii)) {
    throw new DataFileError(`the data file ${path} is not a sandbox data file (version 1)`);
  }
  return state as SandboxState;
}

/** The key of a pass: EVM addresses are the same whatever the case of their hex digits. */
function passKey(chain: string, network: string, wallet: string): string {
  return `${chain}/${network}/${chain === 'ethereum' ? wallet.toLowerCase() : wallet}`;
}

/** The state of a sandbox, its indexes, and its data file if any. */
export interface Store {
  readonly state: SandboxState;
  findPass(chain: string, network: string, wallet: string): PassRecord | undefined;
  addPass(pass: PassRecord): void;
  findPii(id: string): PiiRecord | undefined;
  /** Replaces the whole state (reset, restore). */
  replace(state: SandboxState): void;
  /**
   * Runs a change and saves the result before it is acknowledged. If saving fails, the state
   * goes back to the last saved one and a 500 `INTERNAL` is thrown: nothing half-done stays.
   */
  change<T>(run: () => T): T;
}

/**
 * Makes a store over `state`, saving to `dataFile` when given.
 *
 * @example
 * const store = createStore(initialState, { dataFile: 'sandbox.json' });
 * store.change(() => store.addPass(pass));
 */
export function createStore(
  initial: SandboxState,
  options: {
    dataFile?: string;
    fs?: FileSystem;
    /** Called before each save, to copy into the state what lives outside it (clock, random). */
    beforeSave?: (state: SandboxState) => void;
    /** Called after the state was replaced, to set what lives outside it from it. */
    afterReplace?: (state: SandboxState) => void;
  } = {},
): Store {
  let state = initial;
  let passes = new Map<string, PassRecord>();
  const index = () => {
    passes = new Map(
      state.passes.map((p) => [passKey(p.chain, p.network, p.walletAddress), p] as const),
    );
  };
  index();
  const serialize = () => JSON.stringify(state);
  options.beforeSave?.(state);
  let saved = options.dataFile ? serialize() : '';

  const store: Store = {
    get state() {
      return state;
    },
    findPass: (chain, network, wallet) => passes.get(passKey(chain, network, wallet)),
    addPass(pass) {
      state.passes.push(pass);
      passes.set(passKey(pass.chain, pass.network, pass.walletAddress), pass);
    },
    findPii: (id) => state.pii.find((record) => record.id === id),
    replace(next) {
      state = next;
      index();
      options.afterReplace?.(state);
    },
    change(run) {
      const result = run();
      options.beforeSave?.(state);
      if (options.dataFile) {
        const text = serialize();
        try {
          writeAtomically(options.dataFile, text, options.fs);
          saved = text;
        } catch (error) {
          store.replace(JSON.parse(saved) as SandboxState);
          throw new ApiError(
            500,
            'INTERNAL',
            `the sandbox could not save its data file: ${(error as Error).message}`,
          );
        }
      }
      return result;
    },
  };
  return store;
}
