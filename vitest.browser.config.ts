// Vitest for the browser suite (headless Chromium from the system): `npm run test:browser`, its own JSON report.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Chromium at a time: the suites are few and each starts its own browser.
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-browser.json' },
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
