/**
 * Where the command gets its credentials and endpoints: the environment, overlaid by the file
 * named with `--env-file`. Never argv: arguments show in process lists and shell history.
 */
import { readFile } from 'node:fs/promises';
import * as util from 'node:util';
import { DEFAULT_BASE_URL, DEFAULT_TOKEN_URL } from '../../generated/api.js';
import type { CivicPassClientOptions } from '../config.js';
import { UsageError } from './errors.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `util.parseEnv` arrived in Node.js 20.12; the command explains rather than crash before it. */
const parseEnv = (util as { parseEnv?: (content: string) => Record<string, string> }).parseEnv;

/**
 * The environment with the variables of an env file laid over it (`KEY=value` lines, `#`
 * comments, quotes, as Node's `--env-file` reads them). The file wins: naming it is explicit.
 *
 * @example
 * ```ts
 * const env = await loadEnv(process.env, '.env.sandbox');
 * ```
 */
export async function loadEnv(env: Env, envFile: string | undefined): Promise<Env> {
  if (envFile === undefined) return env;
  if (!parseEnv) {
    throw new UsageError('--env-file needs Node.js 20.12 or later', 'export the variables instead');
  }
  let content: string;
  try {
    content = await readFile(envFile, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(
      `cannot read --env-file ${JSON.stringify(envFile)}${typeof code === 'string' ? ` (${code})` : ''}`,
    );
  }
  return { ...env, ...parseEnv(content) };
}

/** Settings given on the command line (never credentials). */
export interface ConnectionFlags {
  baseUrl?: string | undefined;
  tokenUrl?: string | undefined;
  timeoutMs?: number | undefined;
  attemptTimeoutMs?: number | undefined;
}

/**
 * The client's options from the environment and the flags. Every option is set, so the client
 * never falls back to `process.env` behind the command's back (tests pass their own `env`).
 * Missing credentials are a usage error that names the variables, before anything is sent.
 *
 * @example
 * ```ts
 * const civic = createCivicPassClient(clientOptions(env, { baseUrl: 'http://127.0.0.1:4010' }));
 * ```
 */
export function clientOptions(env: Env, flags: ConnectionFlags): CivicPassClientOptions {
  const clientId = env.CIVIC_CLIENT_ID;
  const clientSecret = env.CIVIC_CLIENT_SECRET;
  const missing = [
    clientId ? undefined : 'CIVIC_CLIENT_ID',
    clientSecret ? undefined : 'CIVIC_CLIENT_SECRET',
  ].filter((name) => name !== undefined);
  if (!clientId || !clientSecret) {
    throw new UsageError(
      `no client credentials: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set`,
      'set CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET in the environment or in a file named with --env-file; never on the command line',
    );
  }
  const baseUrl = flags.baseUrl ?? (env.CIVIC_API_BASE_URL || DEFAULT_BASE_URL);
  const tokenUrl = flags.tokenUrl ?? (env.CIVIC_TOKEN_URL || undefined);
  // Filling in Civic's token URL for another server would send the credentials to Civic (the
  // client refuses that too, but only when it picks the default itself).
  if (tokenUrl === undefined && !isCivicOrigin(baseUrl)) {
    throw new UsageError(
      `${baseUrl} is not Civic's API, so the token endpoint must be given too`,
      'set --token-url or CIVIC_TOKEN_URL (e.g. the one `civic-pass sandbox` prints): credentials go only to a token endpoint you chose',
    );
  }
  const options: CivicPassClientOptions = {
    clientId,
    clientSecret,
    baseUrl,
    tokenUrl: tokenUrl ?? DEFAULT_TOKEN_URL,
  };
  if (flags.timeoutMs !== undefined) options.timeoutMs = flags.timeoutMs;
  if (flags.attemptTimeoutMs !== undefined) options.attemptTimeoutMs = flags.attemptTimeoutMs;
  return options;
}

/** True when the URL is on Civic's API origin; a URL that does not parse is left to the client. */
function isCivicOrigin(url: string): boolean {
  try {
    return new URL(url).origin === new URL(DEFAULT_BASE_URL).origin;
  } catch {
    return true;
  }
}
