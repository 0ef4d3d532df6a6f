/**
 * A vitest reporter that prints, at the end of the run, the contract coverage line (operations
 * and documented status codes whose contract cases passed, out of the spec's) and how long each
 * project (unit, contract, faults, conformance) took from its first test file starting to its
 * last one finishing, so the 60-second budget can be watched phase by phase.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { OPERATIONS } from '../../generated/api.js';

/** What a contract case records in its `task.meta` about what it covers. */
export interface CoverageMeta {
  covers?: { operation: string; status: number; mode: 'static' | 'dynamic' | string };
}

const isSuccess = (status: number) => status >= 200 && status <= 299;

export default class PhaseReporter implements Reporter {
  private runStarted = 0;
  private readonly windows = new Map<string, { start: number; end: number; files: number }>();
  private readonly covered = { static: new Set<string>(), dynamic: new Set<string>() };
  private contractRan = false;

  onTestRunStart() {
    this.runStarted = performance.now();
  }

  onTestModuleStart(module: TestModule) {
    const name = module.project.name || 'default';
    const now = performance.now();
    const window = this.windows.get(name);
    if (window) window.files += 1;
    else this.windows.set(name, { start: now, end: now, files: 1 });
  }

  onTestModuleEnd(module: TestModule) {
    const window = this.windows.get(module.project.name || 'default');
    if (window) window.end = Math.max(window.end, performance.now());
  }

  onTestCaseResult(testCase: TestCase) {
    const { covers } = testCase.meta() as CoverageMeta;
    if (!covers) return;
    this.contractRan = true;
    if (testCase.result().state !== 'passed') return;
    const set = covers.mode === 'dynamic' ? this.covered.dynamic : this.covered.static;
    set.add(`${covers.operation} ${covers.status}`);
  }

  onTestRunEnd() {
    if (this.contractRan) console.log(this.coverageLine());
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const phases = [...this.windows.entries()]
      .sort(([, a], [, b]) => a.start - b.start)
      .map(([name, w]) => `${name} ${seconds(w.end - w.start)} (${w.files} files)`);
    console.log(
      `phases: ${phases.join(', ')}; vitest run ${seconds(performance.now() - this.runStarted)}`,
    );
  }

  private coverageLine(): string {
    const statuses = OPERATIONS.flatMap((op) =>
      op.statusCodes.map((status) => `${op.operationId} ${status}`),
    );
    const successes = OPERATIONS.flatMap((op) =>
      op.statusCodes.filter(isSuccess).map((status) => `${op.operationId} ${status}`),
    );
    const operations = OPERATIONS.filter((op) =>
      op.statusCodes.every((status) => this.covered.static.has(`${op.operationId} ${status}`)),
    );
    const count = (keys: string[], set: Set<string>) => keys.filter((k) => set.has(k)).length;
    return (
      `contract coverage: operations ${operations.length}/${OPERATIONS.length}, ` +
      `status codes ${count(statuses, this.covered.static)}/${statuses.length}, ` +
      `success cases on dynamic bodies ${count(successes, this.covered.dynamic)}/${successes.length}`
    );
  }
}
