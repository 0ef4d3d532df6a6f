/**
 * The sandbox's start time, for `npm run bench`: how long `startSandbox()` takes to listen (the
 * first start in the process, then the median of warm starts), and its module's load time apart,
 * since under tsx that includes compiling TypeScript. Target: a start under 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The start-up target, in ms. */
export const SANDBOX_START_TARGET_MS = 50;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Measures sandbox starts; returns the table's rows as [label, figure] pairs.
 *
 * @example
 * for (const [label, figure] of await sandboxStartup(20)) console.log(label, figure);
 */
export async function sandboxStartup(starts = 20): Promise<[string, string][]> {
  let t = performance.now();
  const { startSandbox } = await import('../src/sandbox/index.js');
  const loadMs = performance.now() - t;

  const timed = async (options: Parameters<typeof startSandbox>[0] = {}) => {
    const begun = performance.now();
    const sandbox = await startSandbox(options);
    const ms = performance.now() - begun;
    await sandbox.close();
    return ms;
  };
  const firstMs = await timed();
  const warm: number[] = [];
  for (let i = 0; i < starts; i++) warm.push(await timed());

  const dir = mkdtempSync(path.join(tmpdir(), 'civic-bench-'));
  const withFile: number[] = [];
  try {
    for (let i = 0; i < starts; i++) {
      withFile.push(await timed({ dataFile: path.join(dir, `s${i}.json`) }));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  t = median(warm);
  const verdict = Math.max(firstMs, t) < SANDBOX_START_TARGET_MS ? 'within target' : 'OVER TARGET';
  return [
    ['load the sandbox module (tsx compiles it here)', `${loadMs.toFixed(1)} ms`],
    ['first startSandbox() in the process', `${firstMs.toFixed(1)} ms`],
    [
      `startSandbox(), median of ${starts}`,
      `${t.toFixed(1)} ms  (target < ${SANDBOX_START_TARGET_MS} ms: ${verdict})`,
    ],
    [`  with a new data file, median of ${starts}`, `${median(withFile).toFixed(1)} ms`],
  ];
}
