import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from './cruise';

/** The project rule (README, docs/architecture.md): a production source file does one job, in at most this many lines. */
const MAX_LINES = 400;

const repoRoot = path.resolve(packageRoot, '..', '..');
const SOURCE_TREES = ['packages/api/src', 'packages/web/src'];
/**
 * Generated code is not written by hand, so it is not held to the rule: the web's GraphQL types
 * (src/gql, from codegen, not committed) and the MikroORM migrations (generated from the entities).
 */
const GENERATED = [/^packages\/web\/src\/gql\//, /^packages\/api\/src\/app\/db\/migrations\/Migration\w+\.ts$/];

/** Source files (TypeScript, TSX, CSS) under `root`'s source trees with more than MAX_LINES lines, with their counts. */
function oversizedFiles(root: string): { file: string; lines: number }[] {
  const found: { file: string; lines: number }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !GENERATED.some((g) => g.test(relative))) {
        const text = fs.readFileSync(full, 'utf8');
        const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
        if (lines > MAX_LINES) found.push({ file: relative, lines });
      }
    }
  };
  for (const tree of SOURCE_TREES) if (fs.existsSync(path.join(root, tree))) walk(path.join(root, tree));
  return found;
}

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe(`no production source file over ${MAX_LINES} lines (generated code aside)`, () => {
  it('holds for packages/api/src and packages/web/src', () => {
    expect(oversizedFiles(repoRoot)).toEqual([]);
  });

  it(`reports a file of ${MAX_LINES + 1} lines, and not one of ${MAX_LINES} or a generated one`, () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-file-size-'));
    copies.push(root);
    const write = (file: string, lines: number) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), 'export const x = 1;\n'.repeat(lines));
    };
    write('packages/api/src/orders/order.service.ts', MAX_LINES + 1);
    write('packages/web/src/map/MapView.tsx', MAX_LINES);
    write('packages/web/src/gql/graphql.ts', 5000);
    write('packages/api/src/app/db/migrations/Migration20990101000000.ts', 5000);
    write('packages/web/src/map/map.test.ts', 5000);
    expect(oversizedFiles(root)).toEqual([{ file: 'packages/api/src/orders/order.service.ts', lines: MAX_LINES + 1 }]);
  });
});
