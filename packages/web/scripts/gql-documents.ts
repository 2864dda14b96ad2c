// Replaces each `graphql(`…`)` call of the app's source with the generated document it stands for
// (src/gql/graphql.ts: `query Foo` → FooDocument, `fragment Bar` → BarFragmentDoc), as the client
// preset's babel plugin would. Without it, the preset's graphql() looks documents up in one map
// of every operation of the app (src/gql/gql.ts), which puts all of them, twice, into the first
// JavaScript a visitor loads, whatever the page. A name that codegen did not generate fails the build.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const GENERATED = fileURLToPath(new URL('../src/gql/graphql.ts', import.meta.url));
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const DEFINITION = /^\s*(query|mutation|subscription|fragment)\s+([A-Za-z_]\w*)/;

/** The generated export a document's source stands for. */
export function documentExport(source: string): string {
  const m = DEFINITION.exec(source);
  if (!m) throw new Error(`a graphql() document without a named operation or fragment: ${source.slice(0, 80)}`);
  return m[1] === 'fragment' ? `${m[2]}FragmentDoc` : `${m[2]}Document`;
}

/** The module's code with its graphql() calls replaced (null when it has none). */
export function inlineDocuments(code: string): string | null {
  const names = new Set<string>();
  const out = code.replace(CALL, (_call, source: string) => {
    const name = documentExport(source);
    names.add(name);
    return `__gql_${name}`;
  });
  if (names.size === 0) return null;
  const imports = [...names].map((n) => `${n} as __gql_${n}`).join(', ');
  // appended (imports are hoisted): the module's lines keep their numbers
  return `${out}\nimport { ${imports} } from ${JSON.stringify(GENERATED)};\n`;
}

export function gqlDocuments(): Plugin {
  return {
    name: 'civimap-gql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(SRC) || id.startsWith(`${SRC}gql/`) || !/\.tsx?$/.test(id) || !code.includes('graphql(')) return null;
      const next = inlineDocuments(code);
      return next === null ? null : { code: next, map: null };
    },
  };
}
