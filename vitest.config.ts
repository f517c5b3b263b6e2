import { defineConfig } from 'vitest/config';

// Four projects that `npm test` runs together: fast unit tests, integration tests against a real
// dynalite and loopback HTTP servers, the web interface in a real browser, and CDK assertion tests (slower: they bundle and synthesize).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 } },
      // The web interface driven in Debian's Chromium (playwright-core); .ci/run installs Chromium when missing.
      { test: { name: 'browser', include: ['test/browser/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 180_000 } },
      { test: { name: 'infra', include: ['test/infra/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
