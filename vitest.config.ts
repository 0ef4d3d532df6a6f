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
          // One module graph per worker: each file re-importing the client cost about a third of
          // the project's time. Tests hand every client its own fetch, clock and environment.
          isolate: false,
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
        // The unit tests that script a fetch, again over the client's default Node transport
        // (undici): the scripted fetch answers behind a local server (tests/support/fetch-bridge.ts).
        extends: true,
        test: {
          name: 'unit-undici',
          include: [
            'tests/unit/{auth,errors,pagination,request-response,resources,retry,security,validate}.test.ts',
          ],
          env: { CIVIC_TEST_SENDER: 'undici' },
          isolate: false,
        },
      },
      {
        // The fault and hostile-server tests again, over the client's default Node transport (undici)
        // instead of an injected fetch.
        extends: true,
        test: {
          name: 'faults-undici',
          include: ['tests/faults/**/*.test.ts', 'tests/hostile/**/*.test.ts'],
          // Already over undici in `hostile` (their clients inject no fetch), or fetch-only.
          exclude: ['tests/hostile/memory.test.ts', 'tests/hostile/fuzz.test.ts'],
          env: { CIVIC_TEST_SENDER: 'undici' },
          isolate: false,
        },
      },
      {
        extends: true,
        // Servers that misbehave on purpose: endless bodies, bombs, redirects, stalls, loops.
        test: { name: 'hostile', include: ['tests/hostile/**/*.test.ts'], isolate: false },
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
      // Long proofs (regenerating and type-checking a mutated spec, scoring other diff tools,
      // bulk runs killed and resumed many times): `npm run test:slow` only; `npm test` leaves
      // this project out.
      {
        extends: true,
        test: { name: 'slow', include: ['tests/slow/**/*.test.ts'], testTimeout: 600_000 },
      },
    ],
  },
});
