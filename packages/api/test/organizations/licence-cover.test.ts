import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/demo/demo-generator';
import { Licence } from '../../src/licences/licence.entity';
import { ServiceCategory } from '../../src/taxonomy/service-category.entity';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// contractableFor checks licences on licence_cover (Migration20261204110000LicenceCover): triggers
// keep it equal to licence joined with licence_category after every kind of write, whoever writes.
let db: TestDatabase;
let ids: string[];

const COVER = `select licence_id, category_id, organization_id, valid_from::text, valid_until::text from licence_cover order by 1, 2`;
const FROM_LICENCES = `select li.id as licence_id, lc.category_id, li.organization_id, li.valid_from::text, li.valid_until::text
  from licence li join licence_category lc on lc.licence_id = li.id order by 1, 2`;

async function expectCurrent(): Promise<number> {
  const em = db.orm.em.fork();
  const [cover, expected] = [await em.execute(COVER), await em.execute(FROM_LICENCES)];
  expect(cover).toEqual(expected);
  return cover.length;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const created = await createOrganizations(db.orm.em.fork(), [
    { sq: 'Leja A', licences: [{ categories: ['residential', 'counselling'], from: '2025-01-01', until: '2027-01-01' }, { categories: ['residential.shelter-domestic-violence'], from: '2026-01-01' }] },
    { sq: 'Leja B', licences: [{ categories: ['counselling'], from: '2024-01-01', until: null }] },
  ]);
  ids = created.map((o) => o.id);
});
afterAll(() => db?.close());

describe('licence_cover', () => {
  it('holds every category of every licence as it is inserted', async () => {
    expect(await expectCurrent()).toBe(4);
  });

  it('follows a licence edited through the ORM: its dates, a category taken off and another added', async () => {
    const em = db.orm.em.fork();
    const licence = await em.findOneOrFail(Licence, { organization: ids[0], validUntil: '2027-01-01' }, { populate: ['categories'] });
    licence.validFrom = '2025-06-01';
    licence.validUntil = null;
    const counselling = await em.findOneOrFail(ServiceCategory, { code: 'counselling' });
    licence.categories.remove(counselling);
    licence.categories.add(await em.findOneOrFail(ServiceCategory, { code: 'residential.elderly' }));
    await em.flush();
    expect(await expectCurrent()).toBe(4);
    const [row] = await em.execute(`select count(*)::int as n from licence_cover where licence_id = ? and valid_until is null and valid_from = '2025-06-01'`, [licence.id]);
    expect(row.n).toBe(2);
  });

  it('follows licences moved to another organization (as a merge moves them), and deleted ones', async () => {
    const em = db.orm.em.fork();
    await em.execute(`update licence set organization_id = ? where organization_id = ?`, [ids[1], ids[0]]);
    expect(await expectCurrent()).toBe(4);
    const [row] = await em.execute(`select count(distinct organization_id)::int as n from licence_cover`);
    expect(row.n).toBe(1);
    const one = await em.findOneOrFail(Licence, { organization: ids[1], validFrom: '2024-01-01' });
    await em.remove(one).flush();
    expect(await expectCurrent()).toBe(3);
    await em.execute(`delete from organization where id = ?`, [ids[1]]);
    expect(await expectCurrent()).toBe(0);
  });

  it('holds the licences of generated demo data', async () => {
    await generateDemoData(db.orm.em.fork(), { organizations: 40, seed: 14 });
    expect(await expectCurrent()).toBeGreaterThan(10);
  });
});
