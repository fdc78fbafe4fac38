import { defineConfig } from 'vitest/config';

// One run for every test: unit (next to the code), API integration (functions/),
// CDK assertions (infra/), cross-package and browser tests (test/).
// DynamoDB Local starts once per run (global setup); each test file makes its own table.
export default defineConfig({
  test: {
    include: ['{packages,functions,infra,scripts,test,web}/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // Two cores: two test files at a time, next to one JVM.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
