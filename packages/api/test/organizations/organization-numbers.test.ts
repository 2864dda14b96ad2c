import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// near's and bbox's counts are a distinct over location.organization_number
// (Migration20261203400000OrganizationNumbers): a trigger keeps it equal to the site's organization's
// number on every insert and every move of a site, whoever writes.
let db: TestDatabase;
let ids: string[];

const MISMATCHED = `select count(*)::int as n from location l join organization o on o.id = l.organization_id where l.organization_number is distinct from o.number`;

async function mismatched(): Promise<number> {
  const [row] = await db.orm.em.fork().execute(MISMATCHED);
  return row.n;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const site = (lat: number) => ({ municipality: 'prishtine', lat, lng: 21.16 });
  const created = await createOrganizations(db.orm.em.fork(), [
    { sq: 'Numri A', sites: [site(42.66), site(42.67)] },
    { sq: 'Numri B', sites: [site(42.65)] },
    { sq: 'Numri C', sites: [] },
  ]);
  ids = created.map((o) => o.id);
});
afterAll(() => db?.close());

describe('location.organization_number', () => {
  it('is its organization number on every inserted site, and numbers differ between organizations', async () => {
    expect(await mismatched()).toBe(0);
    const rows = await db.orm.em.fork().execute(`select o.id, o.number from organization o where o.id = any(?::uuid[])`, [`{${ids.join(',')}}`]);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r: any) => r.number)).size).toBe(3);
    expect(rows.every((r: any) => Number.isInteger(r.number))).toBe(true);
  });

  it('follows a site moved to another organization (as a merge moves them)', async () => {
    const em = db.orm.em.fork();
    await em.execute(`update location set organization_id = ? where organization_id = ?`, [ids[2], ids[0]]);
    const [moved] = await em.execute(`select count(*)::int as n, min(l.organization_number) as num from location l where l.organization_id = ?`, [ids[2]]);
    const [c] = await em.execute(`select number from organization where id = ?`, [ids[2]]);
    expect(moved.n).toBe(2);
    expect(moved.num).toBe(c.number);
    expect(await mismatched()).toBe(0);
  });

  it('cannot be set to another organization number', async () => {
    const em = db.orm.em.fork();
    await em.execute(`update location set organization_number = organization_number + 1000`);
    expect(await mismatched()).toBe(0);
  });

  it('counts the organizations of a set of sites as their uuids do', async () => {
    const [row] = await db.orm.em.fork().execute(`select count(distinct organization_id)::int as a, count(distinct organization_number)::int as b from location`);
    expect(row.a).toBe(2);
    expect(row.b).toBe(row.a);
  });
});
