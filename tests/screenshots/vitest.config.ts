import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

/**
 * `npm run docs:screenshots`: regenerates the pictures in docs/ that the READMEs show, from the real
 * builds in real Chromium. Not tests, and not part of `npm test`: they write tracked files, so a
 * person runs them on purpose and reviews the new pictures before committing them.
 */
export default defineConfig({
  test: {
    include: ['tests/screenshots/**/*.shots.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});
