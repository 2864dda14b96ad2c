import type { CodegenConfig } from '@graphql-codegen/cli';

// The API's committed SDL is the contract; the generated output (src/gql/) is committed too, so
// that building the web app never needs the API.
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
