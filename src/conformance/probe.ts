import { type Exchange, toExchange } from './exchange.js';

/** How a probe authenticates: the run's token, none, or a deliberately bad `Authorization`. */
export type ProbeAuth =
  | 'token'
  | 'none'
  | {
      readonly authorization: string;
      /** What the reproducing command shows instead (when the value is a real token). */
      readonly shown?: string;
    };

/** One request a check sends, described fully enough to be replayed with `curl`. */
export interface Probe {
  readonly method: string;
  /** Path and query relative to the base URL (already encoded), e.g. `/pass`. */
  readonly path: string;
  readonly auth: ProbeAuth;
  /** Raw body text (JSON or not: malformed bodies are probes too). */
  readonly body?: string;
  /** Extra headers; `content-type: application/json` is added whenever there is a body. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A probe with its answer and how long the answer took to arrive in full. */
export interface Answered {
  readonly probe: Probe;
  readonly exchange: Exchange;
  readonly durationMs: number;
}

/** The placeholder every reproducing command uses instead of the run's token. */
export const TOKEN_PLACEHOLDER = '$CIVIC_TOKEN';

/**
 * A JSON probe: `body` serialised, or sent as is when it is already a string.
 *
 * @example
 * const probe = jsonProbe('POST', '/pass', { limit: 5 });
 */
export function jsonProbe(
  method: string,
  path: string,
  body?: unknown,
  auth: ProbeAuth = 'token',
): Probe {
  if (body === undefined) return { method, path, auth };
  return { method, path, auth, body: typeof body === 'string' ? body : JSON.stringify(body) };
}

function headersOf(probe: Probe, token: string, shown = false): Record<string, string> {
  const headers: Record<string, string> = {};
  if (probe.body !== undefined) headers['content-type'] = 'application/json';
  if (probe.auth === 'token') headers.authorization = `Bearer ${token}`;
  else if (probe.auth !== 'none') {
    headers.authorization = (shown && probe.auth.shown) || probe.auth.authorization;
  }
  return { ...headers, ...probe.headers };
}

/**
 * Sends a probe with plain `fetch` (never through the client, which refuses bad input before
 * sending: refusing it is the server's job here) and keeps the answer's exact bytes.
 *
 * @example
 * const { exchange } = await sendProbe(fetch, baseUrl, token, jsonProbe('POST', '/pass', {}), 5000);
 */
export async function sendProbe(
  fetchFn: typeof fetch,
  baseUrl: string,
  token: string,
  probe: Probe,
  timeoutMs: number,
): Promise<Answered> {
  const url = `${baseUrl}${probe.path}`;
  const started = performance.now();
  const init: RequestInit = {
    method: probe.method,
    headers: headersOf(probe, token),
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  };
  if (probe.body !== undefined) init.body = probe.body;
  const response = await fetchFn(url, init);
  const exchange = await toExchange(
    { method: probe.method, url, authorized: probe.auth !== 'none' },
    response,
  );
  return { probe, exchange, durationMs: performance.now() - started };
}

/** Quotes a word for a POSIX shell. */
function shell(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * A `curl` command that sends the probe again: the token is {@link TOKEN_PLACEHOLDER} (in double
 * quotes so the shell fills it in), never its value.
 *
 * @example
 * toCurl('https://api.civic.com/partner', jsonProbe('POST', '/pass', { limit: 1 }));
 * // curl -i -X POST 'https://api.civic.com/partner/pass' -H "authorization: Bearer $CIVIC_TOKEN" …
 */
export function toCurl(baseUrl: string, probe: Probe): string {
  const parts = ['curl', '-i', '-X', probe.method, shell(`${baseUrl}${probe.path}`)];
  for (const [name, value] of Object.entries(headersOf(probe, TOKEN_PLACEHOLDER, true))) {
    // A placeholder is double-quoted so that the shell fills it in.
    parts.push('-H', value.includes('$') ? `"${name}: ${value}"` : shell(`${name}: ${value}`));
  }
  if (probe.body !== undefined) parts.push('--data-raw', shell(probe.body));
  return parts.join(' ');
}

const MAX_QUOTE = 200;

/**
 * The first bytes of a body as one line, for reports.
 *
 * @example
 * quote(exchange.body); // '{"code":"PASS_NOT_FOUND",…'
 */
export function quote(body: Uint8Array): string {
  const text = new TextDecoder().decode(body.subarray(0, MAX_QUOTE)).replace(/\s+/g, ' ');
  return body.length > MAX_QUOTE ? `${text}…` : text;
}

/**
 * The body parsed as JSON, or `undefined` when it is not JSON.
 *
 * @example
 * const page = jsonOf(exchange) as { records?: unknown[] } | undefined;
 */
export function jsonOf(exchange: Exchange): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(exchange.body));
  } catch {
    return undefined;
  }
}
