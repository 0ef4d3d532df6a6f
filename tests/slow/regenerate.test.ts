/**
 * Regeneration reaches the friendly API: a spec that gives `issuePass` a new optional body field
 * (`referenceId`) is generated into a scratch copy of the client, and there
 * `passes.issue(ref, { referenceId })` type-checks and sends the field, with no hand edit; the
 * same call does not compile against the committed spec (the control). `npm run generate` also
 * prints the change, classified, before writing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchSpec } from '../support/scratch-spec.js';

const root = process.cwd();
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const CALL = `import { createCivicPassClient } from './src/index.js';

const requests: { url: string; body: string }[] = [];
const civic = createCivicPassClient({
  clientId: 'id',
  clientSecret: 'secret',
  maxRetries: 0,
  fetch: async (url: string, init: RequestInit) => {
    requests.push({ url, body: String(init.body) });
    if (url.endsWith('/oauth/token')) {
      return Response.json({ access_token: 't', token_type: 'Bearer', expires_in: 3600 });
    }
    return Response.json({}, { status: 202 });
  },
});
const ref = {
  chain: 'ethereum',
  chainNetwork: 'sepolia',
  wallet: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
} as const;
await civic.passes.issue(ref, { referenceId: 'order-1', maxRetries: 0 });
console.log(requests.at(-1)?.body);
`;

/** A copy of src/ beside a generated/ folder (copied from ours), with the call above. */
function scratchClient(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'civic-regen-'));
  cpSync(path.join(root, 'src'), path.join(dir, 'src'), { recursive: true });
  cpSync(path.join(root, 'generated'), path.join(dir, 'generated'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(path.join(dir, 'call.ts'), CALL);
  const { compilerOptions } = JSON.parse(
    spawnSync(process.execPath, [tsc, '-p', root, '--showConfig'], { encoding: 'utf8' }).stdout,
  );
  delete compilerOptions.paths;
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions, files: ['call.ts'] }, null, 2),
  );
  return dir;
}

const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout: 240_000 });

describe('regenerating a changed spec reaches passes.issue', () => {
  it('types and sends a new optional issuePass field after npm run generate', () => {
    const spec = scratchSpec((document) => {
      const body =
        document.paths['/pass/{chain}/{chainNetwork}'].post.requestBody.content['application/json']
          .schema;
      const name =
        String(body.$ref ?? '')
          .split('/')
          .pop() ?? '';
      const schema = name ? document.components.schemas[name] : body;
      schema.properties.referenceId = { type: 'string', description: 'Your own reference.' };
    });

    const control = scratchClient();
    const refused = run([tsc, '-p', control], control);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout).toMatch(/call\.ts.*referenceId/);

    const dir = scratchClient();
    const generated = run(
      [
        tsx,
        path.join(root, 'scripts', 'generate.ts'),
        '--spec',
        spec,
        '--out',
        path.join(dir, 'generated'),
      ],
      root,
    );
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    // The summary comes before the files are written.
    expect(generated.stdout).toMatch(
      /non-breaking\n {2}\[request\] property-added: optional property referenceId added\n {6}at issuePass request body\.referenceId[\s\S]*0 breaking, 1 non-breaking[\s\S]*nothing breaking[\s\S]*wrote/,
    );

    const checked = run([tsc, '-p', dir], dir);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);

    const sent = run([tsx, 'call.ts'], dir);
    expect(sent.stderr).toBe('');
    expect(JSON.parse(sent.stdout)).toEqual({
      referenceId: 'order-1',
      walletAddress: '0xEA5Ce8F9C81b681876DC713d33371c3E262A5888',
    });
  });
});
