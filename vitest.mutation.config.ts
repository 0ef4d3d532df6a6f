import { defineConfig } from 'vitest/config';

// The test projects StrykerJS runs against each mutant (npm run test:mutation): the ones that
// exercise the client's core in process. The contract project (Prism child processes), the
// package test (npm pack) and the CLI/README/generator tests add minutes per mutant and kill
// nothing in the mutated files, so they are left out here; `npm test` still runs them.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    include: [
      'tests/unit/**/*.test.ts',
      'tests/faults/**/*.test.ts',
      'tests/hostile/**/*.test.ts',
      'tests/sandbox/**/*.test.ts',
      'tests/conformance/**/*.test.ts',
    ],
    exclude: [
      'tests/unit/package.test.ts',
      'tests/unit/generate.test.ts',
      'tests/unit/readme*.test.ts',
      'tests/unit/spec-diff.test.ts',
      'tests/unit/cli/**',
    ],
  },
});
