import { createRequire } from 'node:module';
import path from 'node:path';
import swc from 'unplugin-swc';
import type { ViteUserConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/** What every API test configuration shares: swc for decorator metadata, one copy of graphql. */
export const shared: ViteUserConfig = {
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) copies; type-graphql loads the CJS one, so our code
    // must too, or its instanceof checks on scalars fail (the dual-package hazard).
    // graphql-query-complexity's ESM build imports graphql's .mjs files by name: map those to the CJS files too.
    alias: [
      { find: /^graphql$/, replacement: require.resolve('graphql') },
      { find: /^graphql\/(.+)\.mjs$/, replacement: `${path.dirname(require.resolve('graphql'))}/$1.js` },
    ],
  },
  test: {
    server: {
      deps: {
        // Loaded through Vite so that the alias above applies to their graphql imports too.
        inline: ['graphql-query-complexity', /@escape\.tech\/graphql-armor/],
      },
    },
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
