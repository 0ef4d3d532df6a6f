/**
 * Every frozen pass as CSV on stdout, page after page, holding one page in memory at a time;
 * stops after `--max N` passes. Credentials come from CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET.
 *
 *   npx tsx examples/export-frozen.ts --max 500 > frozen.csv
 */
import { parseArgs } from 'node:util';
import { createCivicPassClient } from 'civic-pass-client';

const { values } = parseArgs({ options: { max: { type: 'string', default: '10000' } } });
const max = Number(values.max);

const civic = createCivicPassClient();
// Stop waiting after five minutes in all: the signal also ends a wait between retries.
const signal = AbortSignal.timeout(300_000);

console.log('chain,network,wallet,state,onChainState');
let count = 0;
for await (const pass of civic.passes.listAll(
  { filter: { state: 'FROZEN' }, pageSize: 100 },
  { signal },
)) {
  console.log(
    [pass.chain.type, pass.chain.network, pass.walletAddress, pass.state, pass.onChainState].join(
      ',',
    ),
  );
  if (++count >= max) break; // breaking out stops the paging: no further page is fetched
}
console.error(`${count} frozen passes`);
