import type { CodegenConfig } from '@graphql-codegen/cli';

// The API's committed SDL is the contract. The output (src/gql/) is generated, not committed:
// build, typecheck and test:unit run `npm run codegen` first, from the SDL alone (no running API).
// Committed, its documents would repeat every operation (and every fragment it uses) verbatim.
const schema = '../api/schema.graphql';

const config: CodegenConfig = {
  schema,
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/gql/**/*', '!src/**/*.test.ts'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        scalars: { ID: 'string', Date: 'string', DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
