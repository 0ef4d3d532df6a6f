/**
 * Redaction of secrets in everything an error or a log line shows: the client secret (also as a
 * form-encoded value and inside a Basic credential), the bearer token in use, and the password
 * of any URL. A hostile or careless server can echo any of them back (an OAuth
 * `error_description` quoting the request, an error body quoting the `Authorization` header), so
 * the client does not rely on servers: every error runs its text through {@link redact}.
 */

/** What replaces a secret. */
const MASK = '[redacted]';

/** Values shorter than this are not registered: masking them would mangle ordinary words. */
const MIN_SECRET_LENGTH = 6;

/**
 * At most this many values are remembered in each pool. Client secrets and tokens are kept apart,
 * so that tokens, which are replaced on every renewal, can never push a client secret out.
 */
const MAX_SECRETS = 256;

/** Client secrets (and their Basic credentials): few, kept for the life of the process. */
const credentials = new Set<string>();
/** Bearer tokens in use: each is forgotten, every form of it, when a newer one replaces it. */
const tokens = new Set<string>();

/**
 * `scheme://user:password@`: the password part is masked. As in a URL parser, the user info runs
 * to the last `@` of the authority and the password from the first `:` in it, so a raw `@` in a
 * password (`https://u:p@ss@host`) does not leave its tail shown. The scheme is not matched: the
 * text before `://` is kept whatever it is.
 */
const URL_PASSWORD = /(:\/\/[^/?#\s:]*:)[^/?#\s]+@/g;

/** A value as it is, percent-encoded and form-encoded: the forms a server may echo it in. */
function formsOf(value: string): string[] {
  return [value, encodeURIComponent(value), new URLSearchParams({ s: value }).toString().slice(2)];
}

/**
 * Remembers a client secret that must never be shown, in the forms a server could echo it in
 * (with `clientId`, also inside the HTTP Basic credential).
 *
 * @example
 * ```ts
 * registerSecret(clientSecret, clientId);
 * ```
 */
export function registerSecret(value: string, clientId?: string): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  for (const form of formsOf(value)) add(credentials, form);
  if (clientId !== undefined) {
    // RFC 6749 section 2.3.1: both parts form-encoded (so ASCII) before base64.
    const form = (part: string) => encodeURIComponent(part).replace(/%20/g, '+');
    add(credentials, btoa(`${form(clientId)}:${form(value)}`));
  }
}

/**
 * Remembers the bearer token in use, in the forms a server could echo it in.
 *
 * @example
 * ```ts
 * registerToken(accessToken);
 * ```
 */
export function registerToken(value: string): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  for (const form of formsOf(value)) add(tokens, form);
}

/**
 * Forgets a token registered before (one that was replaced), every form of it.
 *
 * @example
 * ```ts
 * forgetToken(oldToken);
 * ```
 */
export function forgetToken(value: string): void {
  for (const form of formsOf(value)) tokens.delete(form);
}

/** Every form it is given is at least as long as the value checked before it. */
function add(pool: Set<string>, value: string): void {
  if (pool.has(value)) return;
  // A full set has a first (oldest) value.
  if (pool.size >= MAX_SECRETS) pool.delete(pool.values().next().value as string);
  pool.add(value);
}

/**
 * The text with the password of every URL in it masked (`https://me:[redacted]@host`).
 *
 * @example
 * ```ts
 * maskUrlPasswords('--base-url https://me:hunter2@example.com'); // '… https://me:[redacted]@…'
 * ```
 */
export function maskUrlPasswords(text: string): string {
  return text.replace(URL_PASSWORD, `$1${MASK}@`);
}

/**
 * The text with every registered secret and every URL password masked.
 *
 * @example
 * ```ts
 * redact('https://me:hunter2@example.com'); // 'https://me:[redacted]@example.com'
 * ```
 */
export function redact(text: string): string {
  let result = maskUrlPasswords(text);
  for (const secret of credentials) result = result.split(secret).join(MASK);
  for (const token of tokens) result = result.split(token).join(MASK);
  return result;
}

/**
 * A copy of a parsed body (strings, arrays, plain objects) with {@link redact} applied to every
 * string, keys included; anything deeper than a few levels is dropped rather than walked.
 *
 * @example
 * ```ts
 * redactDeep({ message: `bad secret ${secret}` }); // { message: 'bad secret [redacted]' }
 * ```
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[redact(key)] = redactDeep(item, depth + 1);
  return copy;
}

/**
 * Describes any value for a message without ever throwing (a null-prototype object has no
 * `toString`) and without quoting more than a few dozen characters of it.
 *
 * @example
 * ```ts
 * describeValue(Object.create(null)); // 'an object'
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  return Array.isArray(value) ? 'an array' : 'an object';
}
