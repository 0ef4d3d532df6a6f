/**
 * `npm start`: the main job. Starts the local sandbox of the API (`startSandbox()`: stateful,
 * with its token endpoint, no Prism) on a free loopback port, runs examples/lifecycle.ts against
 * it, moving the sandbox's clock on instead of waiting, prints what each step returned, and
 * stops it (also on failure and on Ctrl-C).
 *
 *   npm start                          against the local sandbox
 *   npm start -- --live                against Civic, with CIVIC_CLIENT_ID / CIVIC_CLIENT_SECRET
 *   npm start -- --live --network solana/devnet --wallet <address> --scope-request-id <id>
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { lifecycle, type Step } from '../examples/lifecycle.js';
import { describeError } from '../src/cli/errors.js';
import {
  clean,
  formatPass,
  formatPii,
  formatTimestamp,
  PASS_COLUMNS,
  passRow,
  streamingTable,
} from '../src/cli/format.js';
import { parseTarget } from '../src/cli/session.js';
import { createCivicPassClient, type PassRef } from '../src/index.js';
import { type Sandbox, startSandbox } from '../src/testing/index.js';
import { checkPassRef } from '../src/validate.js';

const HELP = `usage: npm start [-- --live [--network <chain/network>] [--wallet <address>]
                                [--scope-request-id <id> [--decision approve|reject]]]

Without --live: runs examples/lifecycle.ts against the local sandbox (npm run sandbox).
With --live: runs it against Civic's API (CIVIC_API_BASE_URL / CIVIC_TOKEN_URL to override),
with the credentials in CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET. Civic publishes shared
sandbox credentials in its API documentation. The run REVOKES the pass it issues, and
revocation is irreversible: unless --wallet is given it uses a fresh random wallet.
  --network <chain/network>   a testnet (default ethereum/polygonAmoy)`;

// The spec's example pass and PII request, which the sandbox is seeded with.
const MOCK_REF: PassRef = {
  chain: 'ethereum',
  chainNetwork: 'sepolia',
  wallet: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
};
const MOCK_SCOPE_REQUEST_ID = '9a7a77af-a58e-4e54-83c9-5daa96ccbf11';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A fresh throwaway wallet address of the chain: nobody holds its key, nothing is lost. */
function randomWallet(chain: PassRef['chain']): string {
  if (chain === 'ethereum') return `0x${randomBytes(20).toString('hex')}`;
  let n = BigInt(`0x${randomBytes(32).toString('hex')}`);
  let text = '';
  while (n > 0n) {
    text = BASE58[Number(n % 58n)] + text;
    n /= 58n;
  }
  return text.padStart(32, '1');
}

const indent = (text: string) => text.replace(/^(?=.)/gm, '     ');
const short = (ref: PassRef) => `${ref.wallet} on ${ref.chain}/${ref.chainNetwork}`;

/** Prints one step: a numbered headline, then what the API returned. */
function printer() {
  let n = 0;
  const head = (call: string, what: string) =>
    console.log(`\n${String(++n).padStart(2)}. ${call.padEnd(22)} ${what}`);
  return (step: Step) => {
    switch (step.step) {
      case 'issue':
        head(
          'passes.issue',
          `${clean(step.pass.state)} pass for ${clean(step.pass.walletAddress)}`,
        );
        return console.log(indent(formatPass(step.pass)).trimEnd());
      case 'get':
        head('passes.get', `${clean(step.pass.state)}, ${step.pass.events?.length ?? 0} events`);
        return console.log(indent(formatPass(step.pass)).trimEnd());
      case 'freeze':
      case 'unfreeze':
      case 'revoke':
        return head(`passes.${step.step}`, `done for ${short(step.ref)}`);
      case 'expire':
        return head('passes.expire', `expires at ${formatTimestamp(step.at.getTime() / 1000)}`);
      case 'expired':
        head(
          'passes.get',
          `expired at ${formatTimestamp(step.pass.expiryTimestamp ?? 0)}, still ${clean(step.pass.state)}`,
        );
        return console.log(indent(formatPass(step.pass)).trimEnd());
      case 'reissue':
        return head('passes.issue', step.refused ? `refused: ${clean(step.reason)}` : step.reason);
      case 'list': {
        head(`passes.list (page ${step.page})`, `${step.records.length} record(s)`);
        const table = streamingTable(PASS_COLUMNS);
        const rows = step.records.map((pass) => table.row(passRow(pass))).join('');
        return step.records.length > 0 && console.log(indent(table.header() + rows).trimEnd());
      }
      case 'pii':
        head('pii.get', `${clean(step.request.status)}`);
        return console.log(indent(formatPii(step.request)).trimEnd());
      case 'pii-decision':
        return head(`pii.${step.decision}`, `recorded for ${step.scopeRequestId}`);
    }
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      live: { type: 'boolean', default: false },
      network: { type: 'string' },
      wallet: { type: 'string' },
      'scope-request-id': { type: 'string' },
      decision: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const started = performance.now();
  let sandbox: Sandbox | undefined;
  // Ctrl-C: stop the sandbox before leaving.
  const interrupt = () => {
    console.error('\ninterrupted: stopping');
    void (sandbox?.close() ?? Promise.resolve()).then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    if (values.live) {
      const { CIVIC_CLIENT_ID, CIVIC_CLIENT_SECRET } = process.env;
      if (!CIVIC_CLIENT_ID || !CIVIC_CLIENT_SECRET) {
        console.error(
          'npm start -- --live needs CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET in the environment ' +
            '(Civic publishes shared sandbox credentials in its API documentation). See: npm start -- --help',
        );
        return 2;
      }
      const target = parseTarget(values.network ?? 'ethereum/polygonAmoy');
      const ref = checkPassRef({ ...target, wallet: values.wallet ?? randomWallet(target.chain) });
      const civic = createCivicPassClient();
      console.log(`live: ${civic.settings.baseUrl}, pass of ${short(ref)}`);
      console.log('live: this run revokes that pass at the end; revocation is irreversible.');
      const decision = values.decision;
      if (decision !== undefined && decision !== 'approve' && decision !== 'reject') {
        console.error('--decision is approve or reject');
        return 2;
      }
      await lifecycle(civic, {
        ref,
        ...(values['scope-request-id'] !== undefined && {
          scopeRequestId: values['scope-request-id'],
        }),
        ...(decision !== undefined && { decision }),
        report: printer(),
      });
    } else {
      sandbox = await startSandbox({ pii: [{ id: MOCK_SCOPE_REQUEST_ID }] });
      const running = sandbox;
      console.log(
        `sandbox:        ${running.baseUrl} (stateful, ready in ${running.startupMs.toFixed(1)} ms)`,
      );
      console.log(`token endpoint: ${running.tokenUrl}`);
      console.log(
        'Running examples/lifecycle.ts against it; its clock is moved on instead of waiting.',
      );
      const civic = createCivicPassClient({
        baseUrl: running.baseUrl,
        tokenUrl: running.tokenUrl,
        clientId: running.clientId,
        clientSecret: running.clientSecret,
      });
      await lifecycle(civic, {
        ref: MOCK_REF,
        scopeRequestId: MOCK_SCOPE_REQUEST_ID,
        decision: 'approve',
        report: printer(),
        advance: (ms) => {
          running.clock.advance(ms);
          console.log(`     (sandbox clock moved on ${ms / 1000} s)`);
        },
      });
      const tokens = running.requests.filter((r) => r.operation === 'token').length;
      console.log(`\n${tokens} token request${tokens === 1 ? '' : 's'} for the whole run.`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Done in ${seconds} s. Next: npm test, npm run cli -- --help, examples/.`);
    return 0;
  } catch (error) {
    console.error(`\n${describeError(error)}`);
    return 1;
  } finally {
    await sandbox?.close();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

process.exitCode = await main();
