/**
 * Waiting for the chain, reading an answer's request id, and acting on many passes at once with
 * a journal that makes an interrupted run resumable.
 *
 *   npx tsx examples/wait-and-bulk.ts wallets.csv   # CSV: chain,network,wallet
 */
import { readFile } from 'node:fs/promises';
import {
  bulk,
  createCivicPassClient,
  type PassRef,
  UnreachableStateError,
  WaitTimeoutError,
} from 'civic-pass-client';

const civic = createCivicPassClient();
const ref: PassRef = {
  chain: 'ethereum',
  chainNetwork: 'polygonAmoy',
  wallet: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
};

// Issue, then wait for the chain: one deadline for the whole wait.
try {
  const pass = await civic.passes.issueAndWait(ref, { timeoutMs: 120_000 });
  console.log(`${ref.wallet} is ${pass.state}`);
} catch (error) {
  if (error instanceof WaitTimeoutError) console.log(`still ${error.lastState}; try later`);
  else if (error instanceof UnreachableStateError) console.log(`the pass is ${error.state}`);
  else throw error;
}

// The request id of a successful call, to quote to Civic.
const { data, requestId, status } = await civic.passes.get(ref).withResponse();
console.log(`${data.state} (HTTP ${status}, request id ${requestId ?? 'none'})`);

// Freeze every wallet of a CSV file; run it again after a crash and it resumes.
const file = process.argv[2];
if (file) {
  const rows = (await readFile(file, 'utf8')).trim().split('\n').slice(1);
  const items = rows.map((row) => {
    const [chain, chainNetwork, wallet] = row.split(',');
    return { chain, chainNetwork, wallet } as PassRef;
  });
  const summary = await bulk(civic, {
    action: 'freeze',
    items,
    journal: `${file}.journal`,
    onResult: (r) => {
      if (r.outcome !== 'done')
        console.error(`${r.wallet}: ${r.outcome} ${r.error?.message ?? ''}`);
    },
  });
  console.log(`freeze: ${summary.done} of ${summary.total} done, ${summary.failed} failed`);
}
