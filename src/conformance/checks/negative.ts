/**
 * Negative data: inputs the spec forbids must be refused with 400 (or 422, as validating mocks
 * answer); an accepted one is a failure naming the input. And the converse: valid inputs
 * generated from the spec's enums, patterns and bounds are not refused.
 */
import { CHAINS, STATE_VALUES } from '../../../generated/api.js';
import type { Context } from '../context.js';
import { jsonProbe, type Probe } from '../probe.js';
import { type ConformanceWallet, type Fixtures, passPath } from './fixtures.js';

interface Case {
  /** `negative.<name>` */
  name: string;
  operationId: string;
  /** The input, in words, e.g. `walletAddress "0x12" (breaks the pattern)`. */
  input: string;
  probe: Probe;
  /** The target does not exist, so 404 is a refusal too. */
  absent?: boolean;
}

const REFUSALS = [400, 422];
const MALFORMED_JSON = '{"walletAddress": "0x';

function cases(ctx: Context, fixtures: Fixtures): Case[] {
  const eth = ctx.random.wallet('ethereum');
  const sol = ctx.random.wallet('solana');
  const fresh: ConformanceWallet = { chain: 'ethereum', chainNetwork: 'sepolia', address: eth };
  const freshPath = passPath(fresh);
  const issuePath = '/pass/ethereum/sepolia';
  const scope = encodeURIComponent(fixtures.scopeRequestId ?? fixtures.exampleScope);
  const ghost = `conformance-${ctx.random.seed}`;
  const list = (name: string, input: string, body: unknown): Case => ({
    name,
    operationId: 'listPass',
    input,
    probe: jsonProbe('POST', '/pass', body),
  });
  const get = (name: string, input: string, path: string): Case => ({
    name,
    operationId: 'getPass',
    input,
    probe: jsonProbe('GET', path),
  });
  return [
    list('limit-range', 'limit 0 (below 1)', { limit: 0, skip: 0 }),
    list('limit-range', 'limit 101 (above 100)', { limit: 101, skip: 0 }),
    list('skip-range', 'skip -1 (below 0)', { limit: 1, skip: -1 }),
    list('type', 'limit "ten" (not an integer)', { limit: 'ten' }),
    list('type', 'limit 2.5 (not an integer)', { limit: 2.5 }),
    list('enum', 'filter.state "EXPIRED" (not a State)', { filter: { state: 'EXPIRED' } }),
    list('wallet-pattern', 'filter.walletAddress "not-a-wallet"', {
      filter: { walletAddress: 'not-a-wallet' },
    }),
    list('malformed-json', 'a body that is not JSON', MALFORMED_JSON),
    get('wallet-pattern', 'wallet "0x12" (breaks the pattern)', '/pass/ethereum/sepolia/0x12'),
    get('chain-network-pair', `chain solana with network sepolia`, `/pass/solana/sepolia/${sol}`),
    get('unknown-network', 'network "notanetwork"', `/pass/ethereum/notanetwork/${eth}`),
    get('unknown-chain', 'chain "bitcoin"', `/pass/bitcoin/mainnet/${eth}`),
    {
      name: 'wallet-pattern',
      operationId: 'getPii',
      input: 'scopeRequestId "bad id!" (breaks the pattern)',
      probe: jsonProbe('GET', `/piirequest/${encodeURIComponent('bad id!')}`),
    },
    {
      name: 'wallet-pattern',
      operationId: 'getPiiEvidence',
      input: 'rel "bad rel!" (breaks the pattern)',
      probe: jsonProbe('GET', `/piirequest/${scope}/evidence/${encodeURIComponent('bad rel!')}`),
      // Without --scope-request-id the request id is the spec's example, which may not exist.
      absent: fixtures.scopeRequestId === undefined,
    },
    ...(
      [
        [
          'wallet-pattern',
          'walletAddress "0x12" (breaks the pattern)',
          { walletAddress: '0x12' },
          issuePath,
        ],
        [
          'wallet-pattern',
          `walletAddress "${sol}" (a Solana address on ethereum)`,
          { walletAddress: sol },
          issuePath,
        ],
        ['missing-property', 'a body without walletAddress', {}, issuePath],
        ['malformed-json', 'a body that is not JSON', MALFORMED_JSON, issuePath],
        [
          'chain-network-pair',
          'chain solana with network sepolia',
          { walletAddress: sol },
          '/pass/solana/sepolia',
        ],
        [
          'unknown-network',
          'network "notanetwork"',
          { walletAddress: eth },
          '/pass/ethereum/notanetwork',
        ],
      ] as const
    ).map(
      ([name, input, body, path]): Case => ({
        name,
        operationId: 'issuePass',
        input,
        probe: jsonProbe('POST', path, body),
      }),
    ),
    ...(
      [
        ['empty-patch', 'a body with neither state nor expiryTimestamp', {}],
        ['enum', 'state "REVOKED" (only ACTIVE or FROZEN)', { state: 'REVOKED' }],
        ['type', 'expiryTimestamp "tomorrow" (not an integer)', { expiryTimestamp: 'tomorrow' }],
        ['malformed-json', 'a body that is not JSON', MALFORMED_JSON],
      ] as const
    ).map(
      ([name, input, body]): Case => ({
        name,
        operationId: 'patchPass',
        input,
        probe: jsonProbe('PATCH', freshPath, body),
        absent: true,
      }),
    ),
    {
      name: 'wallet-pattern',
      operationId: 'patchPass',
      input: 'wallet "0x12" (breaks the pattern)',
      probe: jsonProbe('PATCH', '/pass/ethereum/sepolia/0x12', { state: 'FROZEN' }),
    },
    {
      name: 'wallet-pattern',
      operationId: 'deletePass',
      input: 'wallet "0x12" (breaks the pattern)',
      probe: jsonProbe('DELETE', '/pass/ethereum/sepolia/0x12'),
    },
    {
      name: 'chain-network-pair',
      operationId: 'deletePass',
      input: 'chain solana with network sepolia',
      probe: jsonProbe('DELETE', `/pass/solana/sepolia/${sol}`),
    },
    ...(
      [
        ['enum', 'status "maybe" (not a decision)', { status: 'maybe' }],
        ['missing-property', 'a body without status', {}],
        ['malformed-json', 'a body that is not JSON', MALFORMED_JSON],
      ] as const
    ).map(
      ([name, input, body]): Case => ({
        name,
        operationId: 'updatePiiReceipt',
        input,
        probe: jsonProbe('PUT', `/piirequest/${ghost}/status`, body),
        absent: true,
      }),
    ),
  ];
}

/** Valid inputs, from the spec's enums, patterns and bounds: none may be refused. */
function validCases(ctx: Context): [operationId: string, input: string, probe: Probe][] {
  const out: [string, string, Probe][] = [];
  for (const state of STATE_VALUES) {
    out.push([
      'listPass',
      `filter.state ${state}`,
      jsonProbe('POST', '/pass', { limit: 1, filter: { state } }),
    ]);
  }
  for (const [limit, skip] of [
    [1, 0],
    [100, 0],
    [1, 100000],
  ] as const) {
    out.push([
      'listPass',
      `limit ${limit}, skip ${skip}`,
      jsonProbe('POST', '/pass', { limit, skip }),
    ]);
  }
  out.push(['listPass', 'no body properties (the defaults)', jsonProbe('POST', '/pass', {})]);
  for (const [chain, info] of Object.entries(CHAINS) as [
    keyof typeof CHAINS,
    (typeof CHAINS)[keyof typeof CHAINS],
  ][]) {
    const lengths = chain === 'solana' ? [32, 44] : [40];
    for (const length of lengths) {
      const wallet = ctx.random.wallet(chain, length);
      out.push([
        'listPass',
        `filter.walletAddress ${wallet}`,
        jsonProbe('POST', '/pass', { limit: 1, filter: { walletAddress: wallet } }),
      ]);
    }
    for (const network of info.networks) {
      const address = ctx.random.wallet(chain, lengths[ctx.random.int(lengths.length)]);
      out.push([
        'getPass',
        `${chain}/${network}/${address}`,
        jsonProbe('GET', passPath({ chain, chainNetwork: network, address } as ConformanceWallet)),
      ]);
    }
  }
  return out;
}

/**
 * Runs the negative-data checks (writes only with `allowWrites`) and the valid-input checks.
 *
 * @example
 * await negativeChecks(ctx, fixtures);
 */
export async function negativeChecks(ctx: Context, fixtures: Fixtures): Promise<void> {
  for (const c of cases(ctx, fixtures)) {
    const statuses = c.absent ? [...REFUSALS, 404] : REFUSALS;
    const isWrite = c.probe.method !== 'GET' && c.operationId !== 'listPass';
    await ctx.check(
      {
        id: `negative.${c.name}`,
        operationId: c.operationId,
        name: `${c.operationId} refuses ${c.input}`,
        writes: isWrite,
      },
      async (run) => {
        await run.send(c.probe, c.operationId, {
          statuses,
          mismatch: (status) =>
            status < 300
              ? `${c.operationId} accepts an invalid input: ${c.input} (answered ${status})`
              : `${c.operationId} refused ${c.input} with ${status}, expected ${statuses.join(' or ')}`,
        });
      },
    );
  }
  const valid = validCases(ctx);
  for (const operationId of ['listPass', 'getPass']) {
    await ctx.check(
      {
        id: 'negative.valid-inputs',
        operationId,
        name: `${operationId} does not refuse valid inputs (every enum value, boundary lengths and counts)`,
      },
      async (run) => {
        for (const [id, input, probe] of valid) {
          if (id !== operationId) continue;
          const exchange = await run.send(probe, id, {
            statuses: id === 'getPass' ? [200, 404] : [200],
            validRequest: true,
            mismatch: (status) => `${id} refuses a valid input: ${input} (answered ${status})`,
          });
          if (exchange.status >= 400 && exchange.status !== 404) return;
        }
      },
    );
  }
}
