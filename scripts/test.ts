/**
 * `npm test`: the generate check, the typecheck, Biome, then vitest, in that order, stopping at
 * the first failure, and printing how long each phase took so the 60-second budget can be
 * watched. Arguments go to vitest (`npm test -- --project contract`).
 */
import { spawnSync } from 'node:child_process';

const PHASES: [name: string, command: string, args: string[]][] = [
  ['generate:check', 'npm', ['run', '-s', 'generate:check']],
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['vitest', 'npx', ['vitest', 'run', ...process.argv.slice(2)]],
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const timings: string[] = [];
const started = performance.now();
for (const [name, command, args] of PHASES) {
  const phaseStarted = performance.now();
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32', // npm and npx are .cmd files there
  });
  timings.push(`${name} ${seconds(performance.now() - phaseStarted)}`);
  if (result.status !== 0) {
    console.error(`test: ${name} failed (${timings.join(', ')})`);
    process.exit(result.status ?? 1);
  }
}
console.log(`test: passed in ${seconds(performance.now() - started)} (${timings.join(', ')})`);
