/**
 * `npm test`: the typecheck (type tests in tests/types/ included), Biome and the spec linters
 * (Spectral and Redocly), side by side since none depends on another, then vitest, whose unit
 * project also proves that generated/ is what the spec generates (tests/unit/generate.test.ts,
 * the comparison `npm run generate:check` makes). The TypeDoc build (a second full compile) runs
 * in CI next to `npm run test:slow`, so that this stays under a minute on two cores. It stops at
 * the first failure and prints how long each phase took, so the 60-second budget can be watched.
 * Arguments go to vitest (`npm test -- --project contract`).
 */
import { spawn, spawnSync } from 'node:child_process';

type Phase = [name: string, command: string, args: string[]];

const CHECKS: Phase[] = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['lint:spec', 'npm', ['run', '-s', 'lint:spec']],
];
const vitestArgs = process.argv.slice(2);
// The slow project is `npm run test:slow`'s; left out unless a project is named.
const projects = vitestArgs.some((arg) => arg.startsWith('--project'))
  ? []
  : ['--project', '!slow'];
const VITEST: Phase = ['vitest', 'npx', ['vitest', 'run', ...projects, ...vitestArgs]];

// npm and npx are .cmd files on Windows.
const shell = process.platform === 'win32';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const timings: string[] = [];
const started = performance.now();

/** Runs a check with its output held back, so parallel checks do not interleave their lines. */
function runQuietly([name, command, args]: Phase) {
  return new Promise<{ name: string; status: number; output: string; ms: number }>((resolve) => {
    const phaseStarted = performance.now();
    const child = spawn(command, args, { shell, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('close', (code) => {
      resolve({ name, status: code ?? 1, output, ms: performance.now() - phaseStarted });
    });
  });
}

const checks = await Promise.all(CHECKS.map(runQuietly));
for (const check of checks) {
  timings.push(`${check.name} ${seconds(check.ms)}`);
  process.stdout.write(check.output);
}
const failed = checks.filter((check) => check.status !== 0);
if (failed.length > 0) {
  const names = failed.map((check) => check.name).join(', ');
  console.error(`test: ${names} failed (${timings.join(', ')})`);
  process.exit(1);
}

const [name, command, args] = VITEST;
const vitestStarted = performance.now();
const result = spawnSync(command, args, { stdio: 'inherit', shell });
timings.push(`${name} ${seconds(performance.now() - vitestStarted)}`);
if (result.status !== 0) {
  console.error(`test: ${name} failed (${timings.join(', ')})`);
  process.exit(result.status ?? 1);
}
console.log(`test: passed in ${seconds(performance.now() - started)} (${timings.join(', ')})`);
