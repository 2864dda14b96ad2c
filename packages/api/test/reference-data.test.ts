import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicAuthority } from '../src/authorities/public-authority.entity';
import { seedReferenceData } from '../src/reference/reference-data.seeder';
import { Municipality } from '../src/geography/municipality.entity';
import { Region } from '../src/geography/region.entity';
import { ServiceCategory } from '../src/taxonomy/service-category.entity';
import { TargetGroup } from '../src/taxonomy/target-group.entity';
import { createTestDatabase, type TestDatabase } from './support/test-database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

async function counts() {
  const em = db.orm.em.fork();
  return {
    regions: await em.count(Region, {}),
    municipalities: await em.count(Municipality, {}),
    categories: await em.count(ServiceCategory, {}),
    topLevelCategories: await em.count(ServiceCategory, { parent: null }),
    targetGroups: await em.count(TargetGroup, {}),
    authorities: await em.count(PublicAuthority, {}),
  };
}

describe('reference data', () => {
  it('seeds 7 regions, 38 municipalities, 35 categories in two levels, 17 target groups', async () => {
    expect(await counts()).toEqual({
      regions: 7,
      municipalities: 38,
      categories: 35,
      topLevelCategories: 7,
      targetGroups: 17,
      authorities: 5 + 38,
    });
  });

  it('holds the 2024 census population total of 1,602,515', async () => {
    const [{ total }] = await db.orm.em.fork().execute('select sum(population)::int as total from municipality');
    expect(total).toBe(1_602_515);
  });

  it('keeps the taxonomy two levels deep', async () => {
    const rows = await db.orm.em.fork().execute(
      'select count(*)::int as deep from service_category c join service_category p on p.id = c.parent_id where p.parent_id is not null',
    );
    expect(rows[0].deep).toBe(0);
  });

  it('is idempotent: seeding again changes no count and keeps ids', async () => {
    const before = await db.orm.em.fork().find(Municipality, {}, { orderBy: { code: 'asc' } });
    await seedReferenceData(db.orm.em.fork());
    await seedReferenceData(db.orm.em.fork());
    expect((await counts()).municipalities).toBe(38);
    const after = await db.orm.em.fork().find(Municipality, {}, { orderBy: { code: 'asc' } });
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
  });

  it('names every municipality in three languages with a seat inside Kosovo', async () => {
    const municipalities = await db.orm.em.fork().find(Municipality, {}, { populate: ['region'] });
    for (const m of municipalities) {
      expect(m.names.sq && m.names.sr && m.names.en, m.code).toBeTruthy();
      expect(m.seatLat).toBeGreaterThan(41.8);
      expect(m.seatLat).toBeLessThan(43.3);
      expect(m.seatLng).toBeGreaterThan(20.0);
      expect(m.seatLng).toBeLessThan(21.8);
      expect(m.populationYear).toBe(2024);
    }
    const gracanica = municipalities.find((m) => m.code === 'gracanice');
    expect(gracanica?.names.sr).toBe('Gračanica');
  });
});
