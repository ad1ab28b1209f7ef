import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

/** Real-browser tests: playwright-core driving Debian's Chromium. One file at a time keeps 2 cores calm. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
