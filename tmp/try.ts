import { runConformance, formatReport } from '../src/conformance/index.js';
import { startSandbox } from '../src/testing/index.js';
const sandbox = await startSandbox({ confirmationDelayMs: 0, pii: [{}] });
const t = performance.now();
const report = await runConformance({
  baseUrl: sandbox.baseUrl, tokenUrl: sandbox.tokenUrl, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret,
  allowWrites: true, wallet: { chain: 'ethereum', chainNetwork: 'sepolia', address: '0x' + '1'.repeat(40) },
  settleTimeoutMs: 500, seed: 7,
});
console.log(formatReport(report).split('\n').filter(l => !l.startsWith('PASS')).join('\n'));
console.log('ms', performance.now() - t, 'requests', sandbox.requests.length);
await sandbox.close();
