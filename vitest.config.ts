import { defineConfig } from 'vitest/config';

// Four projects that `npm test` runs together: fast unit tests, integration tests against a real
// dynalite and loopback HTTP servers, the web interface in a real browser, and CDK assertion tests (slower: they bundle and synthesize).
export default defineConfig({
  test: {
    projects: [
      // unit: the first tagging call of a worker loads the 140,000-place gazetteer (about a second when the machine is busy).
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 } },
      // The web interface driven in Debian's Chromium (playwright-core); .ci/run installs Chromium when missing.
      { test: { name: 'browser', include: ['test/browser/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 180_000 } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
