import type { MikroORM } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabase } from '../../src/app/db/database';
import { openOrm } from '../../src/app/db/orm';
import { watchRegistryTables } from '../../src/app/cache/registry-changes';
import { seedReferenceData } from '../../src/reference/reference-data.seeder';
import { importBundledBoundariesOnce } from '../../src/geography/bundled-boundaries';

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  close: () => Promise<void>;
}

/**
 * A fresh database of its own for a test file: migrated, with the reference data seeded. With
 * `boundaries`, also the bundled country outline and municipality polygons, as on a first start;
 * without, the seats-only configuration (an operator who removed the polygons).
 */
export async function createTestDatabase(options: { seedReference?: boolean; boundaries?: boolean } = {}): Promise<TestDatabase> {
  const url = withDatabase(inject('databaseServerUrl'), `civimap_test_${randomBytes(5).toString('hex')}`);
  await ensureDatabase(url);
  const orm = await openOrm(url, { pool: { min: 0, max: 4 } });
  await orm.getMigrator().up();
  await watchRegistryTables(orm.em.fork());
  if (options.seedReference !== false) await seedReferenceData(orm.em.fork());
  if (options.boundaries) await importBundledBoundariesOnce(orm.em.fork());
  return {
    url,
    orm,
    close: async () => {
      await orm.close(true);
      await dropDatabase(url);
    },
  };
}
