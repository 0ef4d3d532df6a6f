/**
 * startPrism when Prism itself fails: Prism loads its whole dependency tree (about 3 s of CPU)
 * before it reports a broken document and exits, so this proof runs in `npm run test:slow`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PrismStartError, startPrism } from '../../src/testing/index.js';

describe('startPrism', () => {
  it("fails with Prism's own output when Prism exits before listening", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'civic-prism-'));
    const spec = path.join(dir, 'broken.yaml');
    writeFileSync(spec, 'openapi: 3.0.3\npaths: [this is not an OpenAPI document\n');
    const error = await startPrism({ spec }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismStartError);
    expect((error as PrismStartError).message).toMatch(/prism exited before listening/);
    expect((error as PrismStartError).code).toBe('PRISM_FAILED');
    expect((error as PrismStartError).output).not.toBe('');
    expect((error as PrismStartError).message).toContain('--- prism output ---');
    // Above startPrism's own 30 s bound: on a loaded machine Prism can take over 20 s to load
    // and exit, and then the bound, not vitest, should speak.
  }, 40_000);
});
