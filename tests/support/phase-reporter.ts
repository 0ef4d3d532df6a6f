/**
 * A vitest reporter that prints, at the end of the run, how long each project (unit, contract,
 * faults, conformance) took from its first test file starting to its last one finishing, and
 * the whole run, so that the 60-second budget can be watched phase by phase.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class PhaseReporter implements Reporter {
  private runStarted = 0;
  private readonly windows = new Map<string, { start: number; end: number; files: number }>();

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

  onTestRunEnd() {
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const phases = [...this.windows.entries()]
      .sort(([, a], [, b]) => a.start - b.start)
      .map(([name, w]) => `${name} ${seconds(w.end - w.start)} (${w.files} files)`);
    console.log(
      `phases: ${phases.join(', ')}; vitest run ${seconds(performance.now() - this.runStarted)}`,
    );
  }
}
