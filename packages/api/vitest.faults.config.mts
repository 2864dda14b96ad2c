import { defineConfig } from 'vitest/config';
import { shared } from './vitest.shared.mts';

// Fault tests restart PostgreSQL and kill processes: they run alone, one file at a time, after the main suite.
export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    include: ['test-faults/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
