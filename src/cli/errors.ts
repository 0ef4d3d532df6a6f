/**
 * How the `civic-pass` command ends: its exit codes, and the one line it prints on stderr for a
 * failure (the error's class, what happened, and what to do about it).
 */
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  CivicPassError,
  ConfigurationError,
  ConflictError,
  ConnectionError,
  InputError,
  InternalServerError,
  InvalidResponseError,
  isRouteNotFound,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  TokenError,
  UnprocessableEntityError,
} from '../errors.js';
import { maskUrlPasswords } from '../redact.js';
import { UnreachableStateError, WaitTimeoutError } from '../wait.js';

/**
 * The exit codes of `civic-pass`, the contract scripts rely on.
 *
 * @example
 * ```sh
 * civic-pass passes get ethereum/sepolia 0x… --json || [ $? -eq 1 ] && echo "API said no"
 * ```
 */
export const EXIT = {
  /** It worked. */
  ok: 0,
  /** The API (or the network, or the token endpoint) failed, or the user declined at a prompt. */
  failed: 1,
  /** Bad usage: a wrong argument or option, missing credentials; nothing was sent. */
  usage: 2,
} as const;

/**
 * A mistake in how the command was called, found before anything was sent. Exit code 2.
 *
 * @example
 * ```ts
 * throw new UsageError('--limit must be a positive integer, got "ten"');
 * ```
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The stable code `--json` prints, as client errors carry theirs. */
  readonly code = 'USAGE';
  /** What to do about it, when there is more to say than the message. */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    // A flag's value may be quoted in the message: a URL's password in it is masked.
    super(maskUrlPasswords(message));
    this.hint = hint;
  }
}

/**
 * The user answered no to a confirmation. Exit code 1: the operation was not done.
 *
 * @example
 * ```ts
 * if (!(await context.confirm('Revoke? [y/N] '))) throw new Declined('revoke cancelled');
 * ```
 */
export class Declined extends Error {
  override readonly name = 'Declined';
  /** The stable code `--json` prints. */
  readonly code = 'DECLINED';
}

const CREDENTIALS_HINT =
  'set CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET in the environment or in a file named with --env-file';

const BASE_URL_SETTING = '--base-url / CIVIC_API_BASE_URL';
const TOKEN_URL_SETTING = '--token-url / CIVIC_TOKEN_URL';

/** True for a failure of the token request (its `path` is the token URL itself), not of the API. */
function isTokenRequest(error: ConnectionError | TimeoutError): boolean {
  return error.operationId === undefined && /^https?:\/\//.test(error.path ?? '');
}

/**
 * What to do about an error, in a few words, naming the setting actually at fault (base URL,
 * token URL or credentials); `undefined` when the message says it all.
 */
function hintFor(error: unknown): string | undefined {
  if (error instanceof UsageError) return error.hint;
  if (error instanceof InputError) return 'fix that argument and run again';
  if (error instanceof TokenError) {
    if (
      error.status === 404 ||
      error.status === 405 ||
      /not an OAuth token answer/.test(error.message)
    ) {
      return `that is not a token endpoint: check ${TOKEN_URL_SETTING}`;
    }
    if (error.status === undefined || error.status >= 500 || error.status === 429) {
      return `the token endpoint failed: retry later, or check ${TOKEN_URL_SETTING}`;
    }
    if (error.error === 'access_denied') {
      return 'the token endpoint refused this client for this API: check the credentials are for it';
    }
    if (error.status !== undefined && error.status < 300) {
      // It answered with a token the client cannot use (wrong type, unusable characters, none).
      return `the token endpoint's answer is not a usable token: check ${TOKEN_URL_SETTING} is this API's OAuth token endpoint`;
    }
    return 'the token endpoint refused the credentials: check CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET';
  }
  if (error instanceof AuthenticationError) {
    return `the API refused the token: check that the credentials are for this API (${BASE_URL_SETTING}, ${TOKEN_URL_SETTING})`;
  }
  if (error instanceof PermissionDeniedError) {
    return 'your client lacks the permission (scope) for this operation: ask Civic to grant it';
  }
  if (error instanceof NotFoundError) {
    if (isRouteNotFound(error)) {
      return `the server has no such route, so the base URL is wrong: check ${BASE_URL_SETTING} (Civic's is https://api.civic.com/partner)`;
    }
    return isPiiOperation(error.operationId)
      ? 'check the scope request id (and the evidence name)'
      : 'check the chain, network and wallet; a pass just issued can take a minute to appear';
  }
  if (error instanceof BadRequestError || error instanceof UnprocessableEntityError) {
    return 'the API refused the request as sent: check the arguments';
  }
  if (error instanceof ConflictError) {
    return isPiiOperation(error.operationId)
      ? 'the PII request was decided already, or is not ready: look at it with `civic-pass pii get`'
      : 'the current state does not allow this: look at it with `civic-pass passes get`';
  }
  if (error instanceof RateLimitError) return 'too many requests: wait a minute and run again';
  if (error instanceof InternalServerError) {
    return 'the server failed: run again later, and quote the request id to Civic if it persists';
  }
  if (error instanceof ApiError) return 'see the status and body above';
  if (error instanceof ConnectionError) {
    return isTokenRequest(error)
      ? `cannot reach the token endpoint: check the network and ${TOKEN_URL_SETTING}`
      : `cannot reach the API: check the network and ${BASE_URL_SETTING}`;
  }
  if (error instanceof WaitTimeoutError) {
    return 'the chain has not confirmed it yet: look later with `civic-pass passes get`, or raise --wait-timeout';
  }
  if (error instanceof UnreachableStateError) return 'a revoked pass stays revoked';
  if (error instanceof TimeoutError) {
    if (isTokenRequest(error)) {
      return `the token endpoint did not answer in time: run again, or check ${TOKEN_URL_SETTING}`;
    }
    // The message names the deadline that ran out: one attempt's, or the whole call's.
    return /\(attemptTimeoutMs\)/.test(error.message)
      ? 'no answer to one request in time: run again, or raise --attempt-timeout-ms'
      : 'no answer in time: run again, or raise --timeout-ms';
  }
  if (error instanceof InvalidResponseError) {
    return 'the server answered in a way the API does not describe: report it to its operator';
  }
  if (error instanceof CivicPassError) {
    if (error.code === 'MISSING_CREDENTIALS') return CREDENTIALS_HINT;
    if (error.code === 'REDIRECT') {
      return /check tokenUrl/.test(error.message)
        ? `the token endpoint redirects: give its final address in ${TOKEN_URL_SETTING}`
        : `the server redirects: give the API's final address in ${BASE_URL_SETTING}`;
    }
    if (error.code === 'NO_PROGRESS') {
      return 'the server ignores skip: report it to its operator; --max bounds a listing';
    }
    if (error instanceof ConfigurationError) {
      if (error.option === 'baseUrl') return `check ${BASE_URL_SETTING}`;
      if (error.option === 'tokenUrl') return `check ${TOKEN_URL_SETTING}`;
      return `check the ${error.option} setting`;
    }
    if (error.code === 'CONFIGURATION') {
      return `check ${BASE_URL_SETTING}, ${TOKEN_URL_SETTING}`;
    }
  }
  return undefined;
}

/**
 * The exit code for an error: 2 when nothing was sent because of how the command was called
 * (usage, bad argument, configuration, missing credentials), 1 otherwise.
 *
 * @example
 * ```ts
 * exitCodeFor(new InputError('wallet', 'wallet "x" is not an ethereum address')); // 2
 * ```
 */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof InputError) return EXIT.usage;
  if (
    error instanceof CivicPassError &&
    (error.code === 'CONFIGURATION' || error.code === 'MISSING_CREDENTIALS')
  ) {
    return EXIT.usage;
  }
  return EXIT.failed;
}

/** Keeps a message on one line, and keeps a server's text from steering the terminal. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes.
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/**
 * The line printed on stderr for an error: `civic-pass: <Class>: <message> (<what to do>)`.
 * Errors of the client never hold the secret or a token, so the message is safe to print.
 *
 * @example
 * ```ts
 * describeError(new UsageError('unknown chain "btc"'));
 * // 'civic-pass: UsageError: unknown chain "btc"'
 * ```
 */
export function describeError(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  const hint = hintFor(error);
  return `civic-pass: ${name}: ${oneLine(message)}${hint ? ` (${hint})` : ''}`;
}

/**
 * The same, as one JSON line for `--json`: `{"error":{"name","code","message","hint",…}}` (`code`
 * always: `USAGE`, `DECLINED`, or the client error's own), with the public fields of a client error (status, operationId, requestId, …), never a `cause`.
 *
 * @example
 * ```ts
 * JSON.parse(describeErrorJson(error)).error.name; // 'NotFoundError'
 * ```
 */
export function describeErrorJson(error: unknown): string {
  const base: Record<string, unknown> =
    error instanceof CivicPassError
      ? error.toJSON()
      : { name: error instanceof Error ? error.name : 'Error', message: String(error) };
  if (error instanceof Error && !(error instanceof CivicPassError)) {
    base.message = error.message;
    // Scripts switch on `code`: every error line has one, usage errors and surprises included.
    const code = (error as { code?: unknown }).code;
    base.code = typeof code === 'string' ? code : 'UNEXPECTED';
  }
  const hint = hintFor(error);
  return JSON.stringify({
    error: { ...base, ...(hint && { hint }), exitCode: exitCodeFor(error) },
  });
}

/** The operations about a PII request, whose hints name the scope request id, not a pass. */
function isPiiOperation(operationId: string | undefined): boolean {
  return (
    operationId === 'getPii' ||
    operationId === 'getPiiEvidence' ||
    operationId === 'updatePiiReceipt'
  );
}
