// Vitest: every suite under test/ and contracts/, a JSON report for .ci/run's closing line.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'contracts/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.git/**', 'test/browser/**'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
