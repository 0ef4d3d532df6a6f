import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CHAINS, PII_DECISION_VALUES } from '../../generated/api.js';
import { toJUnitXml } from './junit.js';
import { formatResult, formatSummary } from './report.js';
import { type ConformanceOptions, type ConformanceWallet, runConformance } from './runner.js';
import { MissingValidatorError } from './schemas.js';

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
  /** Nothing was checked: bad arguments, missing credentials, or Ajv not installed. */
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
  --token-url <url>         OAuth token endpoint (default: CIVIC_TOKEN_URL, then Civic's)
  --audience <uri>          token audience (default: the spec's)
  --client-auth <method>    client_secret_post (default) or client_secret_basic
  --junit <file>            also write the results as JUnit XML to <file>
  --scope-request-id <id>   a PII request to read (getPii and its evidence)
  --allow-writes            also run the state-changing checks, on --wallet: issue a pass,
                            read it, freeze, unfreeze, expire it, then REVOKE it.
                            Revocation is irreversible: no pass can ever be issued again to
                            that chain, network and wallet. Use a throwaway wallet.
  --wallet <c>/<n>/<addr>   the wallet of those checks, e.g. ethereum/sepolia/0xAbC...
  --pii-decision <d>        with --allow-writes and --scope-request-id, record this decision
                            (partner-pass or partner-fail) on that PII request
  --timeout-ms <n>          deadline of each request (default 30000)
  -h, --help                this text

Credentials come from CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET.
Without --allow-writes only read requests are sent (and unauthenticated ones, which must be
refused with 401).

Exit codes: 0 the server conforms; 1 at least one check failed (each violation is printed);
2 nothing was checked (bad arguments, missing credentials, Ajv not installed).`;

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
  return { options, junit: values.junit };
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
  const { options, junit } = parsed;
  io.stdout(
    `conformance: checking ${options.baseUrl}` +
      (options.allowWrites ? ` with writes on ${options.wallet?.address}` : ' (read-only)'),
  );
  let report: Awaited<ReturnType<typeof runConformance>>;
  try {
    report = await runConformance({
      ...options,
      ...(io.fetch && { fetch: io.fetch }),
      onResult: (result) => io.stdout(formatResult(result)),
    });
  } catch (error) {
    // The run itself records every failure of a check; what throws is the set-up (Ajv missing,
    // a base URL the client refuses), so nothing was checked.
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof MissingValidatorError ? '' : ' (nothing was checked)';
    io.stderr(`conformance: ${message}${hint}`);
    return EXIT.usage;
  }
  const unchecked = [...new Set(report.results.map((r) => r.operationId))].filter(
    (id) => !report.operationsChecked.includes(id),
  );
  if (unchecked.length > 0) io.stdout(`not checked: ${unchecked.join(', ')}`);
  io.stdout(formatSummary(report));
  if (junit) {
    await writeFile(junit, toJUnitXml(report));
    io.stdout(`conformance: JUnit XML written to ${junit}`);
  }
  return report.ok ? EXIT.conforms : EXIT.nonConforming;
}
