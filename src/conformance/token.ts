/** Token requests (OAuth 2.0 client credentials), made by the runner itself so it can vary them. */

import { readCapped } from './exchange.js';

/** How the client authenticates to the token endpoint (RFC 6749 §2.3.1). */
export type ClientAuthentication = 'client_secret_post' | 'client_secret_basic';

/** Where and how to ask for tokens. */
export interface TokenSettings {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  method: ClientAuthentication;
}

/** One token request's outcome. */
export interface TokenAnswer {
  status: number;
  /** The OAuth `error` of a refusal, when the body has one. */
  error?: string;
  token?: string;
  /** The first bytes of the body (the token itself cut out). */
  text: string;
  /** A `curl` command reproducing the request, secrets as `$CIVIC_CLIENT_ID`/`$CIVIC_CLIENT_SECRET`. */
  curl: string;
}

/**
 * The token endpoint refused the run's own credentials: nothing can be checked, and that says
 * nothing about the API's conformance (exit code 2, "credentials refused").
 *
 * @example
 * if (error instanceof CredentialsRefusedError) console.error(error.message);
 */
export class CredentialsRefusedError extends Error {
  override readonly name = 'CredentialsRefusedError';
}

/**
 * The token endpoint could not be used at all (no answer, or an answer that is not a token).
 *
 * @example
 * if (error instanceof TokenEndpointError) console.error(error.message);
 */
export class TokenEndpointError extends Error {
  override readonly name = 'TokenEndpointError';
}

const shell = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * Asks for a token, with the settings changed by `vary` (another method, a wrong secret, a wrong
 * audience). Never throws for a refusal: the answer says what happened.
 *
 * @example
 * const answer = await requestToken(fetch, settings, { clientSecret: 'wrong' }, 5000);
 */
export async function requestToken(
  fetchFn: typeof fetch,
  settings: TokenSettings,
  vary: Partial<TokenSettings>,
  timeoutMs: number,
): Promise<TokenAnswer> {
  const s = { ...settings, ...vary };
  const secretShown = vary.clientSecret === undefined ? '$CIVIC_CLIENT_SECRET' : '<a wrong secret>';
  const form = new URLSearchParams({ grant_type: 'client_credentials', audience: s.audience });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const curl = [
    'curl',
    '-i',
    '-X',
    'POST',
    shell(s.tokenUrl),
    '--data-urlencode',
    'grant_type=client_credentials',
  ];
  curl.push('--data-urlencode', shell(`audience=${s.audience}`));
  if (s.method === 'client_secret_basic') {
    const user = `${encodeURIComponent(s.clientId)}:${encodeURIComponent(s.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
    curl.push('-u', `"$CIVIC_CLIENT_ID:${secretShown}"`);
  } else {
    form.set('client_id', s.clientId);
    form.set('client_secret', s.clientSecret);
    curl.push(
      '--data-urlencode',
      '"client_id=$CIVIC_CLIENT_ID"',
      '--data-urlencode',
      `"client_secret=${secretShown}"`,
    );
  }
  const response = await fetchFn(s.tokenUrl, {
    method: 'POST',
    headers,
    body: form.toString(),
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const raw = new TextDecoder().decode(await readCapped(response));
  let body: { access_token?: unknown; error?: unknown } | undefined;
  try {
    body = JSON.parse(raw) as typeof body;
  } catch {
    body = undefined;
  }
  const answer: TokenAnswer = {
    status: response.status,
    text: typeof body?.access_token === 'string' ? '{"access_token":"…"}' : raw.slice(0, 200),
    curl: curl.join(' '),
  };
  if (typeof body?.error === 'string') answer.error = body.error;
  if (response.ok && typeof body?.access_token === 'string') answer.token = body.access_token;
  return answer;
}

/**
 * Gets the run's token with its own settings: a refusal (400/401/403) is a
 * {@link CredentialsRefusedError}, no answer or no token a {@link TokenEndpointError}.
 *
 * @example
 * const token = await obtainToken(fetch, settings, 30_000);
 */
export async function obtainToken(
  fetchFn: typeof fetch,
  settings: TokenSettings,
  timeoutMs: number,
): Promise<string> {
  let answer: TokenAnswer;
  try {
    answer = await requestToken(fetchFn, settings, {}, timeoutMs);
  } catch (error) {
    const cause =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new TokenEndpointError(
      `the token endpoint ${settings.tokenUrl} did not answer (${cause}): check --token-url`,
    );
  }
  if (answer.token !== undefined) return answer.token;
  if (answer.status === 400 || answer.status === 401 || answer.status === 403) {
    const what = answer.error ?? answer.text.slice(0, 80);
    const hint =
      answer.error === 'access_denied'
        ? 'check --audience'
        : `check CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET (sent with ${settings.method})`;
    throw new CredentialsRefusedError(
      `credentials refused: ${settings.tokenUrl} answered ${answer.status} ${what}; ${hint}`,
    );
  }
  throw new TokenEndpointError(
    `the token endpoint ${settings.tokenUrl} answered ${answer.status} without a token: check --token-url`,
  );
}
