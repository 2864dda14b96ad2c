import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layeringViolations, packageRoot, type Violation } from './cruise';

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The violations in a copy of src with one import added to one file (and any extra files written). */
async function violationsWith(file: string, specifier: string, extra: Record<string, string> = {}): Promise<Violation[]> {
  const copy = mkdtempSync(join(tmpdir(), 'civimap-web-layering-'));
  copies.push(copy);
  cpSync(join(packageRoot, 'src'), join(copy, 'src'), { recursive: true });
  for (const [path, text] of Object.entries(extra)) writeFileSync(join(copy, 'src', path), text);
  appendFileSync(join(copy, 'src', file), `\nimport '${specifier}';\n`);
  return layeringViolations(copy);
}

const rules = (found: Violation[]) => new Set(found.map((v) => v.rule));

describe('layering (dependency-cruiser, rules in .dependency-cruiser.cjs)', () => {
  it('the real tree has no file or folder cycles, a kernel that imports no feature, features that meet at public entries, an app shell only main.tsx imports', async () => {
    expect(await layeringViolations(packageRoot)).toEqual([]);
  }, 30_000);

  // The real tree is clean (above), so whatever a copy reports comes from the one import added to it.
  describe('each rule fails on a deliberate import', () => {
    it('no-file-cycles: numbers.ts imports format.ts; format.ts importing numbers.ts closes a cycle', async () => {
      const found = await violationsWith('shared/format/format.ts', './numbers');
      expect(found).toContainEqual({ rule: 'no-file-cycles', from: 'src/shared/format/format.ts', to: 'src/shared/format/numbers.ts' });
      expect(rules(found)).toEqual(new Set(['no-file-cycles']));
    }, 30_000);

    it('no-folder-cycles: the profile uses contracts/; the contracts page importing a profile entry closes a folder cycle (no file cycle)', async () => {
      const found = await violationsWith('contracts/ContractsPage.tsx', '../profile', { 'profile/index.ts': "export { SitesMap } from './SitesMap';\n" });
      expect(found).toContainEqual({ rule: 'no-folder-cycles', from: 'src/contracts', to: 'src/profile' });
      expect(rules(found)).toEqual(new Set(['no-folder-cycles']));
    }, 30_000);

    it('kernel-imports-no-feature: a Leaflet helper of the kernel importing the imports feature', async () => {
      const found = await violationsWith('shared/map/leaflet.ts', '../../imports/imports');
      // The imports feature uses shared/ui, so the same import also closes folder cycles; the kernel rule must be among them.
      expect(found).toContainEqual({ rule: 'kernel-imports-no-feature', from: 'src/shared/map/leaflet.ts', to: 'src/imports/imports.ts' });
      expect(rules(found).has('kernel-imports-no-feature')).toBe(true);
    }, 30_000);

    it('features-meet-at-public-entries: recording a contract reaching into contracts/ContractTable instead of contracts/index.ts', async () => {
      const found = await violationsWith('officer/RecordContractPage.tsx', '../contracts/ContractTable');
      expect(found).toEqual([{ rule: 'features-meet-at-public-entries', from: 'src/officer/RecordContractPage.tsx', to: 'src/contracts/ContractTable.tsx' }]);
    }, 30_000);

    it('nothing-imports-app: a feature importing the shell (also a folder cycle, since the route table imports the map)', async () => {
      const found = await violationsWith('map/cluster.worker.ts', '../app/Header');
      expect(found).toContainEqual({ rule: 'nothing-imports-app', from: 'src/map/cluster.worker.ts', to: 'src/app/Header.tsx' });
      expect(rules(found)).toEqual(new Set(['nothing-imports-app', 'no-folder-cycles']));
    }, 30_000);
  });
});
