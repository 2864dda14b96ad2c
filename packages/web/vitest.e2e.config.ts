import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    // one browser and one API for the suite: run the files one after another
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
