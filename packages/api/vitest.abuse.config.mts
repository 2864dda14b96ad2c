import { defineConfig } from 'vitest/config';
import { shared } from './vitest.shared.mts';

// The load-and-abuse suite floods one API process at a time: its files run one after another, after the main suite.
export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    include: ['test-abuse/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
