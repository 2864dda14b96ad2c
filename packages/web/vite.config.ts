import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pageRoutesManifest } from './scripts/page-routes';
import { precompressBuild } from './scripts/precompress';
import { gqlDocuments } from './scripts/gql-documents';

const api = process.env.CIVIMAP_API_URL ?? 'http://localhost:4000';

type ModuleInfo = { isEntry: boolean; importedIds: readonly string[] } | null;
const ENTRY = fileURLToPath(new URL('./src/main.tsx', import.meta.url));
let initial: Set<string> | null = null;

/**
 * The first page's JavaScript in three files instead of ~24: what the entry imports statically
 * goes to `vendor` (packages) or `app` (ours); pages and texts loaded on demand keep their own
 * chunks. The browser asks HTTP/1.1 six files at a time, and each round of the ~24 cost a round
 * trip and a request of the API's time before the first module could run (the same bytes).
 */
function initialChunk(id: string, meta: { getModuleInfo: (id: string) => ModuleInfo }): string | undefined {
  if (!initial) {
    initial = new Set();
    const todo = [ENTRY];
    for (let m = todo.pop(); m !== undefined; m = todo.pop()) {
      if (initial.has(m)) continue;
      initial.add(m);
      todo.push(...(meta.getModuleInfo(m)?.importedIds ?? []));
    }
  }
  if (!initial.has(id) || meta.getModuleInfo(id)?.isEntry || id.endsWith('.css')) return undefined;
  return id.includes('/node_modules/') ? (id.includes('/leaflet/') ? 'leaflet' : 'vendor') : 'app';
}

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
    rollupOptions: { output: { manualChunks: initialChunk } },
  },
  worker: { format: 'es' },
});
