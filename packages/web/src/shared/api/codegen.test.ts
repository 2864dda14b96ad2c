import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../codegen';

const root = fileURLToPath(new URL('../../..', import.meta.url));

// src/gql is generated, not committed: `npm run codegen` (run by build, typecheck and test:unit)
// writes it from the API's committed SDL. This test catches a stale copy (vitest run on its own
// after the SDL or an operation changed) and an operation the SDL does not allow (generate throws).
describe('generated GraphQL types', () => {
  it('match the API\'s committed SDL and the operations (run "npm run codegen" when this fails)', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const files = (await generate({ ...config, silent: true, verbose: false }, false)) as { filename: string; content: string }[];
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        expect(readFileSync(f.filename.startsWith('/') ? f.filename : root + f.filename, 'utf8'), f.filename).toBe(f.content);
      }
    } finally {
      process.chdir(cwd);
    }
  }, 30_000);
});
