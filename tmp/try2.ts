import { runConformance } from '../src/conformance/index.js';
import { startSandbox } from '../src/testing/index.js';
const sandbox = await startSandbox({ confirmationDelayMs: 0, pii: [{}] });
const t = performance.now();
const report = await runConformance({
  baseUrl: sandbox.baseUrl, tokenUrl: sandbox.tokenUrl, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret,
  allowWrites: true, wallet: { chain: 'ethereum', chainNetwork: 'sepolia', address: '0x' + '1'.repeat(40) },
  settleTimeoutMs: 500, seed: 7,
});
console.log(report.results.filter(r=>r.durationMs>30).map(r=>`${r.durationMs} ${r.id} ${r.operationId}`).join('\n'));
console.log('ms', performance.now() - t, 'run', report.durationMs);
await sandbox.close();
