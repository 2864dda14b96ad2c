// The page paths of the route table (src/app/routes.ts), written into the build as
// dist/routes.json: the API serves the app for these paths and answers 404 for every other path
// (GET /foo.txt, a missing /assets/x.js), so that the route table stays the one list of pages.
// The table is read as text: importing it here would pull React and the pages into Vite's config.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export const ROUTES_FILE = fileURLToPath(new URL('../src/app/routes.ts', import.meta.url));

/** The `pattern: '…'` values of the route table's source, in order. */
export function pagePatterns(source: string): string[] {
  return [...source.matchAll(/\bpattern:\s*'([^']+)'/g)].map((m) => m[1]!);
}

/** Emits routes.json ({ "patterns": [...] }) next to index.html. */
export function pageRoutesManifest(): Plugin {
  return {
    name: 'civimap-page-routes',
    apply: 'build',
    generateBundle() {
      const patterns = pagePatterns(readFileSync(ROUTES_FILE, 'utf8'));
      if (patterns.length === 0) this.error(`no route patterns found in ${ROUTES_FILE}`);
      this.emitFile({ type: 'asset', fileName: 'routes.json', source: JSON.stringify({ patterns }, null, 2) + '\n' });
    },
  };
}
