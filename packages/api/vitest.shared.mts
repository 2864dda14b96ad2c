import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import type { UserConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** What every API test configuration shares: swc for decorator metadata, one copy of graphql. */
export const shared: UserConfig = {
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) copies; type-graphql loads the CJS one, so our code
    // must too, or its instanceof checks on scalars fail (the dual-package hazard).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  // esbuild emits no decorator metadata, which MikroORM and type-graphql read: compile with swc.
  plugins: [
    swc.vite({
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
    }),
  ],
};
