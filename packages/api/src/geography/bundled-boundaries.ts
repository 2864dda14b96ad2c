import type { EntityManager } from '@mikro-orm/postgresql';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../core/config';
import { importBoundaries } from './boundaries-import';
import { importCountryOutline } from './country-outline';

/** The geoBoundaries files the project carries (data/boundaries/README.md says where they come from). */
export const bundledBoundariesDir = path.join(packageRoot, 'data', 'boundaries');
export const BUNDLED_ADM0 = 'geoBoundaries-XKX-ADM0_simplified.geojson';
export const BUNDLED_ADM2 = 'geoBoundaries-XKX-ADM2_simplified.geojson';

/**
 * Imports the bundled country outline and municipality polygons unless boundaries were ever imported
 * into this database (the bundled ones or an operator's), so every map shows Kosovo out of the box
 * while an operator's replacement, or removal, is kept. Runs after the reference data is seeded.
 * Concurrent first starts (replicas) serialise on an advisory lock; one of them imports.
 */
export async function importBundledBoundariesOnce(em: EntityManager): Promise<boolean> {
  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('civimap:bundled-boundaries'))`);
    const [{ done }] = await tx.execute<{ done: boolean }[]>('select exists (select 1 from boundary_import) as done');
    if (done) return false;
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(bundledBoundariesDir, file), 'utf8'));
    await importCountryOutline(tx, read(BUNDLED_ADM0), { source: `bundled:${BUNDLED_ADM0}` });
    const report = await importBoundaries(tx, read(BUNDLED_ADM2), { source: `bundled:${BUNDLED_ADM2}` });
    if (report.unmatchedFeatures.length) throw new Error(`bundled boundaries: ${report.unmatchedFeatures.length} features match no municipality`);
    return true;
  });
}
