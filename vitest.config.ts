import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous: the property tests and the end-to-end tests run on two shared cores in CI; speed is
    // measured by `npm run bench`, never by a test's time limit.
    testTimeout: 120_000,
    // The test files share no state (no mocks or stubbed globals; the in-process CLI runs of
    // test/cli-helpers.ts restore what they replace): not isolating them spares each file loading
    // the program anew, about half of what the suite took.
    isolate: false,
    // Two files at a time (vitest would take one on two cores): the browser test mostly waits on
    // Chromium and poppler, and the property tests fill that time.
    maxWorkers: 2,
  },
});
