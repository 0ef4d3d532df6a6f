/**
 * The README's quickstart: look up a wallet's pass, and issue one if it has none.
 * Credentials come from CIVIC_CLIENT_ID and CIVIC_CLIENT_SECRET.
 */
import { createCivicPassClient, NotFoundError, type PassRef } from 'civic-pass-client';

const civic = createCivicPassClient();
const ref: PassRef = {
  chain: 'ethereum',
  chainNetwork: 'polygonAmoy',
  wallet: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
};

try {
  const pass = await civic.passes.get(ref);
  console.log(`${ref.wallet}: ${pass.state} (on chain: ${pass.onChainState})`);
} catch (error) {
  if (!(error instanceof NotFoundError)) throw error;
  const pass = await civic.passes.issue(ref); // confirmed on chain later
  console.log(`${ref.wallet}: issued, ${pass.state}`);
}
