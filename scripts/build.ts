/**
 * `npm run build` (and `npm pack`, through `prepack`): compiles src/ and generated/ into dist/
 * from scratch, so that the file of a deleted source never ships, then makes the `civic-pass`
 * executable runnable in place.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(root, 'dist/src/cli/main.js');

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const { status } = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
if (status !== 0) {
  console.error('build: tsc failed');
  process.exit(status ?? 1);
}
// npm makes bins executable when it installs a package; this is for `./dist/src/cli/main.js`.
// The `--` must survive: without it Node 20 takes `--env-file` for itself and exits 9.
if (!readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env -S node --\n')) {
  console.error(`build: ${BIN} lost its #! line`);
  process.exit(1);
}
chmodSync(BIN, 0o755);
