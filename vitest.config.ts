import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

process.env.TZ = 'UTC';

export default defineConfig({
  plugins: [preact()],
  test: {
    // Unit tests sit beside what they test (docs/style.md #13); browser tests live in tests/e2e.
    include: [
      'src/**/*.test.{ts,tsx}',
      'widgets/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/support/*.test.ts',
    ],
    environment: 'node',
    env: { TZ: 'UTC' },
    testTimeout: 20_000,
  },
});
