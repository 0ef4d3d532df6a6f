/**
 * The package as users get it: `npm pack` (which builds), then publint and attw on the tarball,
 * then an install of the tarball into an empty folder, used from plain Node.js ESM, from
 * TypeScript, and through the `civic-pass` executable.
 *
 * The install must work offline on a fresh CI machine, where the npm cache holds only the
 * tarballs `npm ci` fetched (no package metadata), so the folder gets a lockfile made from
 * ours for exactly the dependencies the packed package.json declares, and `npm ci --offline`
 * installs from the cache. A dependency the code imports but the package does not declare
 * is therefore missing there, and the imports below fail.
 */
import { type SpawnSyncOptions, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const ATTW = path.join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}
interface PackedFile {
  path: string;
  mode: number;
}

let work: string;
let consumer: string;
let tarball: string;
let files: PackedFile[];
let manifest: {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  // npm is a .cmd file on Windows, which only a shell can start.
  const shell = process.platform === 'win32' && command === NPM;
  const result = spawnSync(command, args, { encoding: 'utf8', shell, ...options });
  return {
    status: result.status,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
    error: result.error,
  };
}

function runAsync(
  command: string,
  args: string[],
  options: { cwd: string },
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output }));
  });
}

function mustRun(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = run(command, args, options);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}${result.error ? ` (${result.error.message})` : ''}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/**
 * The lockfile entries of `names` and everything they depend on, from our own lockfile,
 * placed where npm put them (nested when ours are nested).
 */
function lockClosure(
  lock: Record<string, LockEntry>,
  names: string[],
  registry: string,
): Record<string, LockEntry> {
  const picked: Record<string, LockEntry> = {};
  const visit = (from: string, name: string) => {
    // Node's lookup: the closest node_modules folder above the dependent that has it.
    let dir = from;
    for (;;) {
      const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      const entry = lock[key];
      if (entry) {
        if (picked[key]) return;
        // Lockfiles written with omit-lockfile-registry-resolved (as here) have no tarball URL;
        // without one npm would ask the registry for metadata that an offline cache lacks.
        const base = name.split('/').at(-1);
        picked[key] = {
          ...entry,
          resolved: entry.resolved ?? `${registry}${name}/-/${base}-${entry.version}.tgz`,
        };
        for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
          visit(key, dep);
        }
        return;
      }
      if (!dir)
        throw new Error(
          `our package-lock.json has no ${name} (needed by ${from || 'the package'})`,
        );
      const cut = dir.lastIndexOf('/node_modules/');
      dir = cut < 0 ? '' : dir.slice(0, cut);
    }
  };
  for (const name of names) visit('', name);
  return picked;
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'civic-pack-'));
  // `npm pack` runs `prepack`, i.e. the build: what is tested is what would be published.
  const packed = mustRun(NPM, ['pack', '--json', '--pack-destination', work], {
    cwd: ROOT,
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as {
    filename: string;
    files: PackedFile[];
  }[];
  if (!info) throw new Error(`npm pack said nothing useful: ${packed.stdout}`);
  tarball = path.join(work, info.filename);
  files = info.files;
  manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

  consumer = path.join(work, 'consumer');
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const spec = `file:../${info.filename}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const registry = mustRun(NPM, ['config', 'get', 'registry'], { cwd: ROOT }).stdout.trim();
  const deps = lockClosure(
    lock.packages,
    Object.keys(manifest.dependencies),
    registry.endsWith('/') ? registry : `${registry}/`,
  );
  mkdirSync(consumer);
  writeFileSync(
    path.join(consumer, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      version: '1.0.0',
      private: true,
      type: 'module',
      dependencies: { [manifest.name]: spec },
    }),
  );
  writeFileSync(
    path.join(consumer, 'package-lock.json'),
    JSON.stringify({
      name: 'consumer',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'consumer', version: '1.0.0', dependencies: { [manifest.name]: spec } },
        [`node_modules/${manifest.name}`]: {
          version: manifest.version,
          resolved: spec,
          integrity,
          license: 'MIT',
          dependencies: manifest.dependencies,
          bin: manifest.bin,
        },
        ...deps,
      },
    }),
  );
  mustRun(NPM, ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: consumer,
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', { timeout: 120_000 }, () => {
  it('holds the build, the types, the spec, README and LICENSE, and nothing else', () => {
    const paths = files.map((f) => f.path);
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'spec/customer_api.yaml',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/testing/index.js',
      'dist/src/testing/index.d.ts',
      'dist/src/cli/main.js',
      'dist/generated/api.js',
    ]) {
      expect(paths).toContain(needed);
    }
    const unexpected = paths.filter(
      (p) =>
        !['package.json', 'README.md', 'LICENSE', 'spec/customer_api.yaml'].includes(p) &&
        !/^dist\/(src|generated)\/.+\.(js|d\.ts)$/.test(p),
    );
    expect(unexpected).toEqual([]);
    expect(paths.filter((p) => /(^|\/)(tests?|scripts|examples)\//.test(p))).toEqual([]);
  });

  it('declares the executable, built, with a #! line', () => {
    expect(manifest.bin).toEqual({ 'civic-pass': './dist/src/cli/main.js' });
    const main = readFileSync(
      path.join(consumer, 'node_modules/civic-pass-client/dist/src/cli/main.js'),
      'utf8',
    );
    expect(main.startsWith('#!/usr/bin/env -S node --\n')).toBe(true);
  });

  it('passes publint with no error and no warning', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const data = readFileSync(tarball);
    const tarballBuffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    const { messages, pkg } = await publint({ pack: { tarball: tarballBuffer }, strict: true });
    const problems = messages
      .filter((m) => m.type !== 'suggestion')
      .map((m) => `${m.type}: ${formatMessage(m, pkg)}`);
    expect(problems).toEqual([]);
  });

  it('passes @arethetypeswrong/cli (ESM-only profile) with no problem', () => {
    const result = run(
      process.execPath,
      [ATTW, tarball, '--profile', 'esm-only', '--format', 'json'],
      {
        cwd: work,
      },
    );
    const report = JSON.parse(result.stdout) as {
      problems?: Record<string, { resolutionKind?: string }[]>;
    };
    // The JSON lists every problem; the profile only drops those of CommonJS and node10
    // resolution from the verdict (this package is ESM only, and says so in `exports`).
    const counted = Object.values(report.problems ?? {})
      .flat()
      .filter((p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs');
    expect(counted).toEqual([]);
    expect(result.status).toBe(0);
  });
});

describe('the installed package', { timeout: 120_000 }, () => {
  it('works from plain Node.js ESM, both entry points, against a local server', () => {
    writeFileSync(
      path.join(consumer, 'use.mjs'),
      `
import { createServer } from 'node:http';
import { inspect } from 'node:util';
import * as civicPass from 'civic-pass-client';
import { startTokenServer } from 'civic-pass-client/testing';

const tokens = await startTokenServer();
const pass = { id: 'p1', chain: { type: 'solana', network: 'devnet' }, gatekeeperNetwork: 'g',
  walletAddress: '4v4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ', state: 'ACTIVE', onChainState: 'ACTIVE', events: [] };
const seen = [];
const api = createServer((req, res) => {
  seen.push(req.method + ' ' + req.url + ' ' + (tokens.isValid(req.headers.authorization?.slice(7) ?? '') ? 'valid-token' : 'no-token'));
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(pass));
});
await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve));
const civic = civicPass.createCivicPassClient({
  baseUrl: 'http://127.0.0.1:' + api.address().port, tokenUrl: tokens.url,
  clientId: tokens.clientId, clientSecret: tokens.clientSecret,
});
const got = await civic.passes.get({ chain: 'solana', chainNetwork: 'devnet', wallet: pass.walletAddress });
const refused = await civic.passes.get({ chain: 'solana', chainNetwork: 'sepolia', wallet: pass.walletAddress }).catch((e) => e);
api.close();
await tokens.close();
console.log(JSON.stringify({
  state: got.state,
  seen,
  refused: [refused.name, refused instanceof civicPass.InputError, refused instanceof civicPass.CivicPassError],
  secretShown: inspect(civic).includes(tokens.clientSecret) || JSON.stringify(civic).includes(tokens.clientSecret),
  errors: ['ApiError', 'BadRequestError', 'AuthenticationError', 'PermissionDeniedError', 'NotFoundError',
    'ConflictError', 'UnprocessableEntityError', 'RateLimitError', 'InternalServerError', 'ConnectionError',
    'TimeoutError', 'TokenError', 'InputError'].filter((name) => !(civicPass[name]?.prototype instanceof civicPass.CivicPassError)),
}));
`,
    );
    const result = mustRun(process.execPath, ['use.mjs'], { cwd: consumer });
    expect(JSON.parse(result.stdout)).toEqual({
      state: 'ACTIVE',
      seen: ['GET /pass/solana/devnet/4v4PL5bMZXXvQB3mvWPXLvqfJpjJmPRnPrmENnUESQQQ valid-token'],
      refused: ['InputError', true, true],
      secretShown: false,
      errors: [],
    });
  });

  it('type-checks from TypeScript: strict, NodeNext, our declarations checked too', async () => {
    writeFileSync(
      path.join(consumer, 'use.ts'),
      `
import { createCivicPassClient, NotFoundError, type Pass, type PassRef } from 'civic-pass-client';

const ref: PassRef = { chain: 'ethereum', chainNetwork: 'sepolia', wallet: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888' };
// @ts-expect-error goerli is not a network of the spec
const stale: PassRef = { chain: 'ethereum', chainNetwork: 'goerli', wallet: ref.wallet };
// @ts-expect-error a Solana pass cannot be on an EVM network
const crossed: PassRef = { chain: 'solana', chainNetwork: 'sepolia', wallet: ref.wallet };

export async function lookUp(): Promise<Pass | undefined> {
  try {
    return await createCivicPassClient().passes.get(ref);
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}
export { crossed, stale };
`,
    );
    writeFileSync(
      path.join(consumer, 'use-testing.ts'),
      `
import { startMockApi, type MockApi } from 'civic-pass-client/testing';
export const start: () => Promise<MockApi> = () => startMockApi({ seed: 1 });
`,
    );
    const base = {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      strict: true,
      exactOptionalPropertyTypes: true,
      noEmit: true,
      skipLibCheck: false,
      // Our declarations and our dependencies' are checked; TypeScript's own lib files are not.
      skipDefaultLibCheck: true,
    };
    // The main entry point needs no Node.js types (it runs wherever fetch does).
    writeFileSync(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...base, lib: ['es2022', 'dom'], types: [] },
        files: ['use.ts'],
      }),
    );
    writeFileSync(
      path.join(consumer, 'tsconfig.testing.json'),
      JSON.stringify({
        compilerOptions: {
          ...base,
          lib: ['es2022', 'dom'],
          types: ['node'],
          typeRoots: [path.join(ROOT, 'node_modules/@types')],
        },
        files: ['use-testing.ts'],
      }),
    );
    // Both at once: each is a separate compiler process on its own core.
    const results = await Promise.all(
      ['tsconfig.json', 'tsconfig.testing.json'].map((project) =>
        runAsync(process.execPath, [TSC, '-p', project], { cwd: consumer }).then((result) => ({
          project,
          ...result,
        })),
      ),
    );
    for (const { project, status, output } of results) {
      expect(`${project}: ${output}`).toBe(`${project}: `);
      expect(status).toBe(0);
    }
  });

  it('runs the civic-pass executable: --help, networks, and mock without Prism', () => {
    const bin = path.join(consumer, 'node_modules/.bin/civic-pass');
    const env = { PATH: process.env.PATH ?? '', HOME: work };
    const help = mustRun(bin, ['--help'], { cwd: consumer, env });
    expect(help.stdout).toMatch(/^Usage: civic-pass /);
    expect(help.stdout).toContain('Never on the command line');
    expect(help.stderr).toBe('');

    const networks = mustRun(bin, ['networks', '--json'], { cwd: consumer, env });
    expect(JSON.parse(networks.stdout)).toContainEqual(
      expect.objectContaining({ target: 'solana/devnet' }),
    );

    // Node must not take --env-file for itself (exit 9): the command reads it and exits 2.
    const envFile = run(bin, ['--env-file', 'missing.env', 'networks'], { cwd: consumer, env });
    expect(envFile.status).toBe(2);
    expect(envFile.stderr).toMatch(/^civic-pass: UsageError: cannot read --env-file "missing.env"/);

    // Prism is a development tool: the installed package says how to get it.
    const mock = run(bin, ['mock'], { cwd: consumer, env });
    expect(mock.status).toBe(2);
    expect(mock.stderr).toContain('npm install --save-dev @stoplight/prism-cli@~5.14.2');
  });
});
