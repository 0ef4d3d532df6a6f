import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CHAINS, PII_DECISION_VALUES } from '../../generated/api.js';
import { toJUnitXml } from './junit.js';
import { formatResult, formatSummary, toMarkdown } from './report.js';
import {
  CHECK_FAMILIES,
  type ConformanceOptions,
  type ConformanceWallet,
  runConformance,
} from './runner.js';
import { MissingValidatorError } from './schemas.js';
import { CredentialsRefusedError, TokenEndpointError } from './token.js';

/**
 * Exit codes of the conformance command: the contract CI pipelines rely on.
 *
 * @example
 * if (code === EXIT.nonConforming) console.error('the server breaks the spec');
 */
export const EXIT = {
  /** Every check that ran found the server conforming (skipped checks do not count). */
  conforms: 0,
  /** At least one check failed: the server does not conform, or did not answer. */
  nonConforming: 1,
  /**
   * Nothing was checked: bad arguments, missing credentials, credentials the token endpoint
   * refused, a token endpoint that does not answer, or Ajv not installed.
   */
  usage: 2,
} as const;

/**
 * The `--help` text of the conformance command.
 *
 * @example
 * console.log(CONFORMANCE_HELP);
 */
export const CONFORMANCE_HELP = `Checks that a server answers as spec/customer_api.yaml says.

usage: conformance --base-url <url> [options]

  --base-url <url>          the server to check, e.g. https://api.civic.com/partner (required)
  --token-url <url>         OAuth token endpoint (default: CIVIC_TOKEN_URL; Civic's only for
                            Civic's base URL)
  --audience <uri>          token audience (default: the spec's)
  --client-auth <method>    client_secret_post (default) or client_secret_basic
  --junit <file>            also write the results as JUnit XML to <file>
  --report <format>         text (default) or markdown (stdout gets a Markdown report for a
                            pull-request comment; progress goes to stderr)
  --scope-request-id <id>   a PII request to read (getPii and its evidence)
  --allow-writes            also run the state-changing checks: on --wallet issue a pass, read
                            it, freeze, unfreeze, expire it, then REVOKE it; issue and revoke
                            passes of 3 generated wallets on its chain and network (listing);
                            send invalid and unauthenticated writes, which must be refused.
                            Revocation is irreversible: no pass can ever be issued again to
                            that chain, network and wallet. Use a throwaway wallet.
  --wallet <c>/<n>/<addr>   the wallet of those checks, e.g. ethereum/sepolia/0xAbC...
  --pii-decision <d>        with --allow-writes and --scope-request-id, record this decision
                            (partner-pass or partner-fail) and check that getPii shows it
  --only <checks>           run only these checks: families (auth) or ids (auth.no-token),
                            comma-separated
  --skip <checks>           leave these checks out (same forms)
  --seed <n>                seed of the generated inputs (the report prints the one it used)
  --max-response-time <s>   each answer within this many seconds (default 5)
  --max-total-time <s>      the whole run within this many seconds (default 900)
  --settle-timeout <s>      how long a change may take to show in reads and lists
                            (default 120, for on-chain confirmation)
  --timeout-ms <n>          deadline of each request (default 30000)
  -h, --help                this text

Credentials come from CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET.
Without --allow-writes only reads are sent, and requests that must be refused (without a
token, with invalid input) to read operations.

Exit codes: 0 the server conforms; 1 at least one check failed (each violation is printed);
2 nothing was checked (bad arguments, missing credentials, credentials refused, token
endpoint not answering, Ajv not installed).`;

/**
 * Where the command writes, and what it reads from its environment; injectable for tests.
 *
 * @example
 * const io: CommandIo = { stdout: console.log, stderr: console.error, env: process.env };
 */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  fetch?: typeof fetch;
}

class UsageError extends Error {}

/**
 * Reads `--wallet <chain>/<network>/<address>`, checking the chain, that the network belongs
 * to it, and the address format, with the spec's own lists and patterns.
 *
 * @example
 * parseWallet('ethereum/sepolia/0xEA5Ce8F9C81b681876DC713d33371c3E262A5888');
 */
export function parseWallet(text: string): ConformanceWallet {
  const [chain, network, ...rest] = text.split('/');
  const address = rest.join('/');
  if (!chain || !network || !address) {
    throw new UsageError(`--wallet must be <chain>/<network>/<address>, got "${text}"`);
  }
  if (!Object.hasOwn(CHAINS, chain)) {
    throw new UsageError(`--wallet: unknown chain "${chain}" (one of ${Object.keys(CHAINS)})`);
  }
  const info = CHAINS[chain as keyof typeof CHAINS];
  const networks: readonly string[] = info.networks;
  if (!networks.includes(network)) {
    throw new UsageError(
      `--wallet: "${network}" is not a network of ${chain} (one of ${networks.join(', ')})`,
    );
  }
  if (!new RegExp(info.walletPattern, 'u').test(address)) {
    throw new UsageError(`--wallet: a ${chain} address is ${info.walletFormat}, got "${address}"`);
  }
  return {
    chain: chain as ConformanceWallet['chain'],
    chainNetwork: network as ConformanceWallet['chainNetwork'],
    address,
  };
}

function parse(argv: readonly string[], env: CommandIo['env']) {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return null;
  if (!values['base-url']) throw new UsageError('--base-url is required');
  if (!env.CIVIC_CLIENT_ID || !env.CIVIC_CLIENT_SECRET) {
    throw new UsageError('set CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET to the client credentials');
  }
  const options: ConformanceOptions = {
    baseUrl: values['base-url'],
    clientId: env.CIVIC_CLIENT_ID,
    clientSecret: env.CIVIC_CLIENT_SECRET,
    allowWrites: values['allow-writes'] === true,
  };
  const tokenUrl = values['token-url'] ?? env.CIVIC_TOKEN_URL;
  if (tokenUrl) options.tokenUrl = tokenUrl;
  if (values.audience) options.audience = values.audience;
  const auth = values['client-auth'];
  if (auth !== undefined) {
    if (auth !== 'client_secret_post' && auth !== 'client_secret_basic') {
      throw new UsageError('--client-auth is client_secret_post or client_secret_basic');
    }
    options.clientAuthentication = auth;
  }
  if (values.wallet !== undefined) options.wallet = parseWallet(values.wallet);
  if (options.allowWrites && !options.wallet) {
    throw new UsageError('--allow-writes needs --wallet <chain>/<network>/<address>');
  }
  if (values['scope-request-id'] !== undefined) {
    options.scopeRequestId = values['scope-request-id'];
  }
  const decision = values['pii-decision'];
  if (decision !== undefined) {
    if (!(PII_DECISION_VALUES as readonly string[]).includes(decision)) {
      throw new UsageError(`--pii-decision is one of ${PII_DECISION_VALUES.join(', ')}`);
    }
    if (!options.allowWrites || !options.scopeRequestId) {
      throw new UsageError('--pii-decision needs --allow-writes and --scope-request-id');
    }
    options.piiDecision = decision as (typeof PII_DECISION_VALUES)[number];
  }
  if (values['timeout-ms'] !== undefined) {
    const timeoutMs = Number(values['timeout-ms']);
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
      throw new UsageError('--timeout-ms must be a positive integer');
    }
    options.timeoutMs = timeoutMs;
  }
  const durations = [
    ['max-response-time', 'maxResponseTimeMs'],
    ['max-total-time', 'maxTotalTimeMs'],
    ['settle-timeout', 'settleTimeoutMs'],
  ] as const;
  for (const [flag, key] of durations) {
    const text = values[flag];
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0 || text.trim() === '') {
      throw new UsageError(`--${flag} is a number of seconds above 0, got "${text}"`);
    }
    options[key] = Math.round(value * 1000);
  }
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new UsageError(`--seed is a non-negative integer, got "${values.seed}"`);
    }
    options.seed = seed;
  }
  for (const flag of ['only', 'skip'] as const) {
    const list = values[flag]
      ?.flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    if (!list) continue;
    for (const pattern of list) {
      const family = pattern.split('.')[0] ?? '';
      if (!(CHECK_FAMILIES as readonly string[]).includes(family) && family !== 'budget') {
        throw new UsageError(
          `--${flag}: "${pattern}" names no check (families: ${CHECK_FAMILIES.join(', ')})`,
        );
      }
    }
    options[flag] = list;
  }
  const format = values.report ?? 'text';
  if (format !== 'text' && format !== 'markdown') {
    throw new UsageError(`--report is text or markdown, got "${format}"`);
  }
  return { options, junit: values.junit, markdown: format === 'markdown' };
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    options: {
      'base-url': { type: 'string' },
      'token-url': { type: 'string' },
      audience: { type: 'string' },
      'client-auth': { type: 'string' },
      junit: { type: 'string' },
      'allow-writes': { type: 'boolean' },
      wallet: { type: 'string' },
      'scope-request-id': { type: 'string' },
      'pii-decision': { type: 'string' },
      'timeout-ms': { type: 'string' },
      'max-response-time': { type: 'string' },
      'max-total-time': { type: 'string' },
      'settle-timeout': { type: 'string' },
      seed: { type: 'string' },
      only: { type: 'string', multiple: true },
      skip: { type: 'string', multiple: true },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/**
 * Runs the conformance command: parses `argv` (without the program name), runs the checks,
 * prints each result as it comes and the summary, writes JUnit XML when asked, and resolves to
 * the exit code ({@link EXIT}). Never throws for a bad argument: that is exit code 2.
 *
 * @example
 * process.exitCode = await conformanceCommand(process.argv.slice(2));
 */
export async function conformanceCommand(
  argv: readonly string[],
  io: CommandIo = {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
  },
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`conformance: ${error.message}\nRun with --help for usage.`);
    return EXIT.usage;
  }
  if (parsed === null) {
    io.stdout(CONFORMANCE_HELP);
    return EXIT.conforms;
  }
  const { options, junit, markdown } = parsed;
  // With a Markdown report, stdout carries only the report (for `> comment.md`).
  const progress = markdown ? io.stderr : io.stdout;
  progress(
    `conformance: checking ${options.baseUrl}` +
      (options.allowWrites ? ` with writes on ${options.wallet?.address}` : ' (read-only)'),
  );
  let report: Awaited<ReturnType<typeof runConformance>>;
  try {
    report = await runConformance({
      ...options,
      ...(io.fetch && { fetch: io.fetch }),
      onResult: (result) => progress(formatResult(result)),
    });
  } catch (error) {
    // The run records every failure of a check; what throws is the set-up (Ajv missing, a base
    // URL refused, credentials refused, no token endpoint), so nothing was checked, and that
    // says nothing about the server's conformance.
    const message = error instanceof Error ? error.message : String(error);
    const known =
      error instanceof MissingValidatorError ||
      error instanceof CredentialsRefusedError ||
      error instanceof TokenEndpointError;
    io.stderr(
      `conformance: ${message}${error instanceof MissingValidatorError ? '' : ' (nothing was checked)'}`,
    );
    if (!known && !(error instanceof TypeError)) throw error;
    return EXIT.usage;
  }
  const unchecked = [...new Set(report.results.map((r) => r.operationId))].filter(
    (id) => id !== 'token' && !(report.operationsChecked as string[]).includes(id),
  );
  if (unchecked.length > 0) progress(`not checked: ${unchecked.join(', ')}`);
  progress(formatSummary(report));
  if (markdown) io.stdout(toMarkdown(report));
  if (junit) {
    await writeFile(junit, toJUnitXml(report));
    progress(`conformance: JUnit XML written to ${junit}`);
  }
  return report.ok ? EXIT.conforms : EXIT.nonConforming;
}
