import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Generous: the property tests and the end-to-end tests run on two shared cores in CI; speed is
    // measured by `npm run bench`, never by a test's time limit.
    testTimeout: 120_000,
  },
});
