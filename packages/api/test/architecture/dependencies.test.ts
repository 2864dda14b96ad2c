import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layeringViolations, packageRoot, type Violation } from './cruise';

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The violations in a copy of src with one import added to one file. */
async function violationsWith(file: string, specifier: string): Promise<Violation[]> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-layering-'));
  copies.push(copy);
  fs.cpSync(path.join(packageRoot, 'src'), path.join(copy, 'src'), { recursive: true });
  fs.appendFileSync(path.join(copy, 'src', file), `\nimport '${specifier}';\n`);
  return layeringViolations(copy);
}

describe('layering (dependency-cruiser, rules in .dependency-cruiser.cjs)', () => {
  it('the real tree has no file cycles, no folder cycles, a kernel that imports no module and an app layer only main.ts imports', async () => {
    expect(await layeringViolations(packageRoot)).toEqual([]);
  });

  // The real tree is clean (above), so whatever a copy reports comes from the one import added to it.
  describe('each rule fails on a deliberate import', () => {
    it('no-file-cycles: core/ids.ts imports core/errors.ts; errors.ts importing ids.ts closes a cycle', async () => {
      const found = await violationsWith('core/errors.ts', './ids');
      expect(found).toContainEqual({ rule: 'no-file-cycles', from: 'src/core/errors.ts', to: 'src/core/ids.ts' });
      expect(new Set(found.map((v) => v.rule))).toEqual(new Set(['no-file-cycles']));
    });

    it('no-folder-cycles: organizations/ uses geography/; a geography file importing organizations/ closes a folder cycle (no file cycle)', async () => {
      const found = await violationsWith('geography/geo.ts', '../organizations/organization.inputs');
      expect(found).toContainEqual({ rule: 'no-folder-cycles', from: 'src/geography', to: 'src/organizations' });
      expect(new Set(found.map((v) => v.rule))).toEqual(new Set(['no-folder-cycles']));
    });

    it('core-imports-no-module: the kernel importing the mail module (which does not import the kernel back)', async () => {
      const found = await violationsWith('core/ids.ts', '../mail/outbox-message.entity');
      expect(found).toEqual([{ rule: 'core-imports-no-module', from: 'src/core/ids.ts', to: 'src/mail/outbox-message.entity.ts' }]);
    });

    it('nothing-imports-app: a domain module importing the app layer (also a folder cycle, since app/ imports every module)', async () => {
      const found = await violationsWith('coverage/coverage.types.ts', '../app/http/request-log');
      expect(found).toContainEqual({ rule: 'nothing-imports-app', from: 'src/coverage/coverage.types.ts', to: 'src/app/http/request-log.ts' });
      expect(new Set(found.map((v) => v.rule))).toEqual(new Set(['nothing-imports-app', 'no-folder-cycles']));
    });
  });
});
