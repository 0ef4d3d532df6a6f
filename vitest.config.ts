import { defineConfig } from 'vitest/config';

// One vitest project per kind of test, so that only the contract project pays for Prism: its
// globalSetup starts the mocks and nothing else does.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    reporters: ['default', './tests/support/phase-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          typecheck: {
            enabled: true,
            include: ['tests/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
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
        test: { name: 'conformance', include: ['tests/conformance/**/*.test.ts'], isolate: false },
      },
    ],
  },
});
