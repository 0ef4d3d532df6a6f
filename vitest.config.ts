import { defineConfig } from 'vitest/config';

// One vitest project per kind of test, so that only the contract project pays for Prism: its
// globalSetup starts the mocks and nothing else does.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    // vitest's default on 2 cores is one worker; the tests wait on sockets and child processes
    // more than they compute, so two keep both cores busy.
    maxWorkers: 2,
    reporters: ['default', './tests/support/phase-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['tests/contract/**/*.test.ts'],
          globalSetup: ['tests/contract/global-setup.ts'],
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'faults', include: ['tests/faults/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        // The examples import the package by name, as users do (tsconfig's paths map it for tsx).
        resolve: {
          alias: [
            { find: /^civic-pass-client$/, replacement: `${import.meta.dirname}/src/index.ts` },
          ],
        },
        test: { name: 'sandbox', include: ['tests/sandbox/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: { name: 'conformance', include: ['tests/conformance/**/*.test.ts'], isolate: false },
      },
    ],
  },
});
