import { defineConfig } from 'vitest/config';
import { shared } from './vitest.shared.mts';

/**
 * The conformance suite: civimap's output against the official schemas (read from
 * CIVIMAP_STANDARDS_DIR, never copied into the repository) and reference files
 * (CIVIMAP_BOUNDARIES_DIR); see test-conformance/support/standards.ts. Same database set-up as the
 * unit suite (one PostgreSQL per run, a fresh database per file).
 */
export default defineConfig({
  ...shared,
  test: {
    include: ['test-conformance/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
