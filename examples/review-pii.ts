/**
 * Review a PII request: print what Civic verified, save the evidence, then approve or reject.
 * Credentials come from CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET.
 *
 *   npx tsx examples/review-pii.ts <scopeRequestId> [approve|reject]
 */
import { writeFile } from 'node:fs/promises';
import {
  CivicPassError,
  createCivicPassClient,
  InputError,
  NotFoundError,
} from 'civic-pass-client';

const [scopeRequestId = '', decision] = process.argv.slice(2);
const civic = createCivicPassClient({ maxRetries: 3, timeoutMs: 15_000 });

try {
  const request = await civic.pii.get(scopeRequestId);
  console.log(`status ${request.status}`, request.verifiedInformation);

  // Evidence is always fetched from the API's own origin, whatever a link's href says.
  for (const link of request.links ?? []) {
    if (link.rel === 'self') continue;
    const image = await civic.pii.evidence(scopeRequestId, link.rel);
    await writeFile(`${link.rel}.bin`, new Uint8Array(await image.arrayBuffer()));
    console.log(`saved ${link.rel}.bin (${image.size} bytes, ${image.type || 'no type'})`);
  }

  if (decision === 'approve') await civic.pii.approve(scopeRequestId);
  if (decision === 'reject') await civic.pii.reject(scopeRequestId);
} catch (error) {
  // One base class for every failure; the subclasses say what happened.
  if (error instanceof InputError) console.error(`bad ${error.field}: ${error.message}`);
  else if (error instanceof NotFoundError) console.error(`no PII request ${scopeRequestId}`);
  else if (error instanceof CivicPassError) console.error(`${error.name}: ${error.message}`);
  else throw error;
  process.exitCode = 1;
}
