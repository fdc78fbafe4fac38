import { defineConfig } from 'vitest/config';

// One run for every test: unit (next to the code), API integration (functions/),
// CDK assertions (infra/), cross-package and browser tests (test/).
// Each test file that needs DynamoDB starts its own DynamoDB Local (test/support/dynamodb.ts) and table.
// Two projects: everything, then (sequence.groupOrder 1, after the rest has finished)
// the grants check, which compares the AWS actions the entry points sent meanwhile
// (recorded into BURSA_AWS_ACTIONS_DIR, see test/grants/actions-dir.ts) with their IAM roles.
export default defineConfig({
  test: {
    // Root global setups run once per run, before either project.
    globalSetup: ['test/grants/actions-dir.ts'],
    // Each test file that needs DynamoDB Local starts its own and stops it when it ends
    // (test/support/dynamodb.ts says why not one for the run).
    setupFiles: ['test/support/file-dynamodb.ts'],
    pool: 'forks',
    // Two cores: two test files at a time, each with its own DynamoDB Local JVM.
    maxWorkers: 2,
    testTimeout: 30_000,
    // A seeded app (the browser tests) can take minutes while the other worker seeds too.
    hookTimeout: 180_000,
    // One DynamoDB Local serves both workers and their stream pollers: a request may wait
    // its turn for seconds. Patient timeouts here (outage.test.ts sets the deployed 2 s).
    env: { DYNAMODB_TIMEOUT_MS: '6000' },
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['{packages,functions,infra,scripts,test,web}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'test/grants/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'grants',
          include: ['test/grants/**/*.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
