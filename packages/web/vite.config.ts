import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pageRoutesManifest } from './scripts/page-routes';
import { precompressBuild } from './scripts/precompress';
import { gqlDocuments } from './scripts/gql-documents';

const api = process.env.CIVIMAP_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [gqlDocuments(), react(), pageRoutesManifest(), precompressBuild()],
  server: {
    proxy: Object.fromEntries(
      ['/graphql', '/config.json', '/export', '/hsds', '/healthz', '/readyz'].map((p) => [p, { target: api, changeOrigin: false }]),
    ),
  },
  preview: {
    proxy: Object.fromEntries(['/graphql', '/config.json', '/export', '/hsds'].map((p) => [p, { target: api }])),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  worker: { format: 'es' },
});
