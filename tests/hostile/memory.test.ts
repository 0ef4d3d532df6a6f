/**
 * Memory stays flat while refusing endless bodies and gzip bombs: measured in a child process
 * (tests/hostile/memory-child.ts), whose resident set is this work's alone.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('bounded memory', () => {
  it('refuses 10 endless bodies and 10 gzip bombs (32 MiB each inflated) with a flat resident set', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'tests/hostile/memory-child.ts'],
      { timeout: 30_000 },
    );
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      growthMB: number;
      laterRoundsMB: number;
      requests: number;
      codes: string[];
      calls: number;
    };
    console.log(`hostile memory: ${stdout.trim()}`);
    expect(result.codes).toEqual(['RESPONSE_TOO_LARGE']);
    expect(result.calls).toBe(20);
    expect(result.requests).toBe(20);
    // Unbounded, one endless body alone grows the process by gigabytes; capped at 4 MiB, the
    // whole run stays within a few tens of megabytes (buffers, sockets, the decompressor).
    expect(result.growthMB).toBeLessThan(80);
    // And it does not accumulate: nine more rounds add little to the first one's peak.
    expect(result.laterRoundsMB).toBeLessThan(48);
  }, 40_000);
});
