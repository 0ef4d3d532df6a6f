/**
 * `npm run lint:spec`: lints spec/customer_api.yaml with Spectral (`spectral:oas`, .spectral.yaml)
 * and Redocly (`recommended`, redocly.yaml), side by side. Any error or warning of either fails
 * the run; rules turned off are in those two files, each with its reason.
 *
 * Offline by design: Redocly's telemetry and update check are turned off here (and in
 * redocly.yaml); Spectral's only network use is the install-time analytics of `@scarf/scarf`,
 * whose script npm does not run (it is not in `allowScripts`).
 *
 *   npm run lint:spec                 lint the project's spec
 *   npm run lint:spec -- other.yaml   lint another file with the same rules
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const spec = process.argv[2] ?? 'spec/customer_api.yaml';
const env = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
};
const require = createRequire(import.meta.url);

// Each CLI's own script run with this Node.js: no npx start-up, the same on every platform.
type Linter = [name: string, args: string[]];
const LINTERS: Linter[] = [
  [
    'spectral',
    [
      require.resolve('@stoplight/spectral-cli/dist/index.js'),
      'lint',
      '--ruleset',
      '.spectral.yaml',
      '--fail-severity',
      'warn',
      spec,
    ],
  ],
  [
    'redocly',
    [
      require.resolve('@redocly/cli/bin/cli.js'),
      'lint',
      '--config',
      'redocly.yaml',
      '--max-problems',
      '100',
      spec,
    ],
  ],
];

/** Runs one linter with its output held back, so the two do not interleave their lines. */
function run([name, args]: Linter) {
  return new Promise<{ name: string; status: number; output: string }>((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.on('close', (code) => resolve({ name, status: code ?? 1, output }));
  });
}

const results = await Promise.all(LINTERS.map(run));
let failed = false;
for (const result of results) {
  // Redocly exits 0 on warnings; "You have N warning(s)" is how it reports them.
  const warned = result.name === 'redocly' && /You have \d+ warnings?/.test(result.output);
  if (result.status !== 0 || warned) {
    failed = true;
    process.stdout.write(`--- ${result.name} ---\n${result.output}\n`);
  }
}
if (failed) {
  console.error(`lint:spec: ${spec} has problems (see above)`);
  process.exit(1);
}
console.log(`lint:spec: ${spec}: Spectral and Redocly report no errors and no warnings`);
