import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOrganizations, deleteDemoData } from '../../src/demo/demo-cleanup';
import { type DemoResult, generateDemoData, loadDemoReference } from '../../src/demo/demo-generator';
import { DEMO_REFERENCE_DATE, DemoModel, toPercentages } from '../../src/demo/demo-model';
import { DEMO_TABLES } from '../../src/demo/demo-writer';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const SEED = 20241;
const COUNT = 300;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Independent of the generator's own geometry: spherical Earth, mean radius. */
function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

async function sql<T = any>(db: TestDatabase, text: string, params: unknown[] = []): Promise<T[]> {
  return db.orm.em.fork().execute(text, params);
}

/**
 * Every row of every table the generator writes, as sorted JSON. Reference rows get fresh random ids
 * in each database, so references to them are written as codes; everything else is compared as is.
 */
async function dump(db: TestDatabase, only: 'demo' | 'all' = 'all'): Promise<Record<string, string[]>> {
  const refs = await sql<{ id: string; code: string }>(
    db,
    `select id, 'municipality:' || code as code from municipality
     union all select id, 'category:' || code from service_category
     union all select id, 'target-group:' || code from target_group
     union all select id, 'authority:' || code from public_authority`,
  );
  const codes = new Map(refs.map((r) => [r.id, r.code]));
  const out: Record<string, string[]> = {};
  for (const table of DEMO_TABLES) {
    const rows = await sql<Record<string, unknown>>(db, `select * from "${table}"`);
    out[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .sort()
            .map((k) => [k, typeof row[k] === 'string' && codes.has(row[k] as string) ? codes.get(row[k] as string) : row[k]]),
        ),
      )
      .filter((json) => only === 'all' || !json.includes('"is_demo",false'))
      .sort();
  }
  return out;
}

let a: TestDatabase;
let b: TestDatabase;
let resultA: DemoResult;
let resultB: DemoResult;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  // Different batch sizes on purpose: batching must not change the data.
  [resultA, resultB] = await Promise.all([
    generateDemoData(a.orm.em.fork(), { organizations: COUNT, seed: SEED }),
    generateDemoData(b.orm.em.fork(), { organizations: COUNT, seed: SEED, batchSize: 37 }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('demo data generator', () => {
  it('gives identical rows in every table for the same seed and count, whatever the batch size', async () => {
    expect(resultB).toEqual(resultA);
    const [dumpA, dumpB] = await Promise.all([dump(a), dump(b)]);
    for (const table of DEMO_TABLES) {
      expect(dumpA[table].length, table).toBeGreaterThan(0);
      expect(dumpB[table], table).toEqual(dumpA[table]);
    }
  });

  it('creates counts in the expected ranges for 300 organizations', async () => {
    expect(resultA.organizations).toBe(COUNT);
    expect(resultA.services).toBeGreaterThanOrEqual(750);
    expect(resultA.services).toBeLessThanOrEqual(1050);
    expect(resultA.locations).toBeGreaterThanOrEqual(480);
    expect(resultA.locations).toBeLessThanOrEqual(660);
    expect(resultA.licences).toBeGreaterThanOrEqual(200);
    expect(resultA.licences).toBeLessThanOrEqual(330);
    expect(resultA.contracts).toBeGreaterThanOrEqual(90);
    expect(resultA.contracts).toBeLessThanOrEqual(210);
    const [counts] = await sql(
      a,
      `select (select count(*) from organization)::int as organizations, (select count(*) from service)::int as services,
              (select count(*) from location)::int as locations, (select count(*) from licence)::int as licences,
              (select count(*) from contract)::int as contracts`,
    );
    expect(counts).toEqual(resultA);

    const [perOrg] = await sql(
      a,
      `select min(s)::int as min_services, max(s)::int as max_services, min(l)::int as min_sites, max(l)::int as max_sites from (
         select (select count(*) from service s where s.organization_id = o.id) as s,
                (select count(*) from location l where l.organization_id = o.id) as l from organization o) x`,
    );
    expect(perOrg).toEqual({ min_services: 1, max_services: 5, min_sites: 1, max_sites: 3 });
    const [links] = await sql(
      a,
      `select min(c)::int as min_categories, max(c)::int as max_categories, min(g)::int as min_groups, max(g)::int as max_groups from (
         select (select count(*) from service_category_link x where x.service_id = s.id) as c,
                (select count(*) from service_target_group x where x.service_id = s.id) as g from service s) x`,
    );
    expect(links).toEqual({ min_categories: 1, max_categories: 2, min_groups: 1, max_groups: 3 });
  });

  it('marks every record as demo data and gives every record a v4 UUID', async () => {
    for (const table of ['organization', 'location', 'service', 'licence', 'contract']) {
      const [row] = await sql(a, `select count(*) filter (where not is_demo)::int as real from "${table}"`);
      expect(row.real, table).toBe(0);
    }
    for (const table of ['organization', 'location', 'service', 'service_at_location', 'licence', 'contract']) {
      const ids = await sql<{ id: string }>(a, `select id from "${table}"`);
      expect(ids.filter((r) => !UUID_V4.test(r.id)), table).toEqual([]);
    }
  });

  it('derives timestamps from the fixed epoch, never from the clock', async () => {
    for (const table of ['organization', 'location', 'service', 'service_at_location', 'licence', 'contract']) {
      const [row] = await sql(a, `select min(created_at) as min, max(updated_at) as max from "${table}"`);
      expect(new Date(row.min).getTime(), table).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 1));
      expect(new Date(row.max).getTime(), table).toBeLessThan(Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00Z`));
    }
  });

  it('places every site near its municipality seat and inside Kosovo, and each organization’s sites in one region', async () => {
    const sites = await sql(
      a,
      `select l.lat, l.lng, m.seat_lat, m.seat_lng, m.region_id, l.organization_id from location l join municipality m on m.id = l.municipality_id`,
    );
    for (const s of sites) {
      expect(haversineKm(s.lat, s.lng, s.seat_lat, s.seat_lng)).toBeLessThanOrEqual(8);
      expect(s.lat).toBeGreaterThanOrEqual(41.85);
      expect(s.lat).toBeLessThanOrEqual(43.27);
      expect(s.lng).toBeGreaterThanOrEqual(20.01);
      expect(s.lng).toBeLessThanOrEqual(21.8);
    }
    // All sites of an organization lie in one region (home municipality and its neighbours).
    const [spread] = await sql(
      a,
      `select count(*)::int as n from (select l.organization_id from location l join municipality m on m.id = l.municipality_id
       group by l.organization_id having count(distinct m.region_id) > 1) x`,
    );
    expect(spread.n).toBe(0);
  });

  it('spreads organizations by population', async () => {
    const rows = await sql(
      a,
      `select m.code, m.population, count(distinct l.organization_id)::int as organizations from municipality m
       left join location l on l.municipality_id = m.id group by m.code, m.population order by m.population desc`,
    );
    const prishtine = rows.find((r) => r.code === 'prishtine');
    const small = rows.filter((r) => r.population < 10_000).reduce((sum, r) => sum + r.organizations, 0);
    expect(prishtine.organizations).toBeGreaterThan(small);
    expect(rows[0].code).toBe('prishtine');
  });

  it('delivers services only at the organization’s own sites, and every site hosts a service', async () => {
    const [mismatch] = await sql(
      a,
      `select count(*)::int as n from service_at_location x join service s on s.id = x.service_id join location l on l.id = x.location_id
       where s.organization_id <> l.organization_id`,
    );
    expect(mismatch.n).toBe(0);
    const [idle] = await sql(a, 'select count(*)::int as n from location l where not exists (select 1 from service_at_location x where x.location_id = l.id)');
    expect(idle.n).toBe(0);
    const [nonLeaf] = await sql(
      a,
      'select count(*)::int as n from service_category_link x where exists (select 1 from service_category c where c.parent_id = x.category_id)',
    );
    expect(nonLeaf.n).toBe(0);
    const [homeless] = await sql(
      a,
      `select count(*)::int as n from service_at_location x join location l on l.id = x.location_id
       where not exists (select 1 from service_area sa where sa.service_id = x.service_id and sa.municipality_id = l.municipality_id)`,
    );
    expect(homeless.n).toBe(0);
  });

  it('licenses categories of the organization’s services or their parents, some expired and most valid on the reference date', async () => {
    const [uncovered] = await sql(
      a,
      `select count(*)::int as n from licence_category lc join licence li on li.id = lc.licence_id
       where not exists (select 1 from service s join service_category_link x on x.service_id = s.id join service_category c on c.id = x.category_id
                         where s.organization_id = li.organization_id and (c.id = lc.category_id or c.parent_id = lc.category_id))`,
    );
    expect(uncovered.n).toBe(0);
    const [v] = await sql(
      a,
      `select count(*)::int as total,
              count(*) filter (where valid_until < ?::date)::int as expired,
              count(*) filter (where valid_from <= ?::date and (valid_until is null or valid_until >= ?::date))::int as valid,
              count(*) filter (where valid_from > ?::date)::int as not_yet,
              count(*) filter (where valid_until is null)::int as open_ended,
              count(distinct organization_id)::int as organizations
       from licence`,
      [DEMO_REFERENCE_DATE, DEMO_REFERENCE_DATE, DEMO_REFERENCE_DATE, DEMO_REFERENCE_DATE],
    );
    expect(v.expired + v.valid + v.not_yet).toBe(v.total);
    expect(v.expired / v.total).toBeGreaterThan(0.08);
    expect(v.expired / v.total).toBeLessThan(0.25);
    expect(v.valid / v.total).toBeGreaterThan(0.65);
    expect(v.not_yet).toBeGreaterThan(0);
    expect(v.open_ended).toBeGreaterThan(0);
    expect(v.organizations / COUNT).toBeGreaterThan(0.6);
    expect(v.organizations / COUNT).toBeLessThan(0.8);
    const numbers = await sql<{ number: string }>(a, 'select number from licence');
    expect(numbers.every((r) => /^LIC-\d{4}-\d{5}$/.test(r.number))).toBe(true);
  });

  it('records contracts from the ministries or the provider’s municipality, for categories it serves', async () => {
    const [c] = await sql(
      a,
      `select count(*)::int as total, count(distinct provider_id)::int as providers,
              count(*) filter (where a.kind = 'MINISTRY')::int as ministries,
              count(*) filter (where a.kind = 'MUNICIPALITY' and exists (
                select 1 from location l where l.organization_id = k.provider_id and l.municipality_id = a.municipality_id))::int as local,
              count(*) filter (where amount <= 0 or end_date < start_date or award_date > start_date)::int as inconsistent
       from contract k join public_authority a on a.id = k.authority_id`,
    );
    expect(c.ministries + c.local).toBe(c.total);
    expect(c.ministries).toBeGreaterThan(0);
    expect(c.local).toBeGreaterThan(0);
    expect(c.inconsistent).toBe(0);
    expect(c.providers / COUNT).toBeGreaterThan(0.2);
    expect(c.providers / COUNT).toBeLessThan(0.4);
    const [uncovered] = await sql(
      a,
      `select count(*)::int as n from contract_category cc join contract k on k.id = cc.contract_id
       where not exists (select 1 from service s join service_category_link x on x.service_id = s.id
                         where s.organization_id = k.provider_id and x.category_id = cc.category_id)`,
    );
    expect(uncovered.n).toBe(0);
  });

  it('fills organization profiles plausibly', async () => {
    const orgs = await sql(a, 'select * from organization');
    const funded = orgs.filter((o) => o.funding_public_pct !== null);
    expect(funded.length / COUNT).toBeGreaterThan(0.7);
    for (const o of orgs) {
      const shares = [o.funding_public_pct, o.funding_foreign_pct, o.funding_own_pct, o.funding_other_pct];
      if (shares.every((x) => x === null)) continue;
      expect(shares.every((x) => Number.isInteger(x) && x >= 0 && x <= 100)).toBe(true);
      expect(shares.reduce((s, x) => s + x, 0)).toBe(100);
    }
    const share = (predicate: (o: any) => boolean) => orgs.filter(predicate).length / COUNT;
    expect(share((o) => o.status === 'ACTIVE')).toBeGreaterThan(0.84);
    expect(share((o) => o.status === 'ACTIVE')).toBeLessThan(0.95);
    expect(share((o) => o.status === 'CLOSED')).toBeGreaterThan(0);
    expect(share((o) => o.verification_status === 'VERIFIED')).toBeGreaterThan(0.5);
    expect(share((o) => o.verification_status === 'VERIFIED')).toBeLessThan(0.7);
    expect(orgs.every((o) => (o.verification_status === 'VERIFIED') === (o.verified_at !== null))).toBe(true);
    expect(share((o) => o.last_confirmed_at !== null)).toBeGreaterThan(0.2);
    expect(new Set(orgs.map((o) => o.registration_number)).size).toBe(COUNT);
    expect(orgs.every((o) => /^5\d{7}-demo$/.test(o.registration_number))).toBe(true);
    expect(orgs.every((o) => (o.website === null || /^https:\/\/[a-z0-9-]+\.example\.org$/.test(o.website)) && (o.email === null || o.email.endsWith('.example.org')))).toBe(true);
    expect(share((o) => o.name_sr !== null)).toBeGreaterThan(0.3);
    expect(share((o) => o.name_en !== null)).toBeGreaterThan(0.5);
    expect(share((o) => o.description_en !== null)).toBeGreaterThan(0.2);
    expect(orgs.every((o) => o.year_founded >= 1990 && o.year_founded <= 2025 && new Date(o.registration_date).getUTCFullYear() >= Math.max(2000, o.year_founded))).toBe(true);
  });

  it('contains the names that demonstrate diacritic-insensitive search', async () => {
    const [names] = await sql(
      a,
      `select count(*) filter (where name_sq like '%Shtëpi%')::int as shtepi, count(*) filter (where name_sr like '%Gračanica%')::int as gracanica,
              count(*) filter (where search_text like '%shtepi%')::int as shtepi_folded, count(*) filter (where search_text like '%gracanica%')::int as gracanica_folded
       from organization`,
    );
    expect(names.shtepi).toBeGreaterThan(0);
    expect(names.gracanica).toBeGreaterThan(0);
    expect(names.shtepi_folded).toBeGreaterThanOrEqual(names.shtepi);
    expect(names.gracanica_folded).toBeGreaterThanOrEqual(names.gracanica);
  });

  it('replace deletes every demo record and nothing else', async () => {
    await createOrganizations(b.orm.em.fork(), [
      {
        sq: 'Organizatë Reale',
        isDemo: false,
        sites: [{ municipality: 'prishtine', lat: 42.667, lng: 21.167 }],
        services: [{ name: 'Këshillim', categories: ['counselling.family'], targetGroups: ['families-in-need'], area: ['prishtine'], atSites: [0] }],
        licences: [{ categories: ['counselling'], from: '2024-01-01', until: null }],
      },
    ]);
    const [real] = await sql(b, "select id from organization where name_sq = 'Organizatë Reale'");
    const [authority] = await sql(b, "select id from public_authority where code = 'ministry-justice'");
    await sql(b, "insert into contract (id, authority_id, provider_id, modality) values (gen_random_uuid(), ?, ?, 'GRANT')", [authority.id, real.id]);
    // A contract someone recorded against a demo provider is fictional too, and must not block the delete.
    const [demoProvider] = await sql(b, 'select id from organization where is_demo limit 1');
    await sql(b, "insert into contract (id, authority_id, provider_id, modality) values (gen_random_uuid(), ?, ?, 'SUBSIDY')", [authority.id, demoProvider.id]);
    const before = await dump(b);
    const realBefore = Object.fromEntries(DEMO_TABLES.map((t) => [t, before[t].filter((row) => row.includes(real.id))]));

    expect(await countOrganizations(b.orm.em.fork())).toEqual({ real: 1, demo: COUNT });
    const deleted = await deleteDemoData(b.orm.em.fork());
    expect(deleted).toEqual({ ...resultB, contracts: resultB.contracts + 1 });
    expect(await countOrganizations(b.orm.em.fork())).toEqual({ real: 1, demo: 0 });

    const after = await dump(b);
    const [remaining] = await sql(
      b,
      `select (select count(*) from organization)::int as organizations, (select count(*) from service)::int as services,
              (select count(*) from location)::int as locations, (select count(*) from licence)::int as licences,
              (select count(*) from contract)::int as contracts, (select count(*) from service_at_location)::int as service_at_location,
              (select count(*) from service_category_link)::int as categories, (select count(*) from licence_category)::int as licence_categories,
              (select count(*) from contract_category)::int as contract_categories`,
    );
    expect(remaining).toEqual({
      organizations: 1,
      services: 1,
      locations: 1,
      licences: 1,
      contracts: 1,
      service_at_location: 1,
      categories: 1,
      licence_categories: 1,
      contract_categories: 0,
    });
    // The real organization's rows come through unchanged.
    for (const table of ['organization', 'service', 'location', 'licence', 'contract'] as const) {
      expect(after[table], table).toEqual(realBefore[table]);
    }
  });

  it('leaves no part of a failed batch behind', async () => {
    // Plant a site with the id that the first batch of another seed will give its first site, so that
    // the batch fails after its organizations went in.
    const seed = SEED + 7;
    const first = new DemoModel(await loadDemoReference(a.orm.em.getKnex()), seed).nextBatch(1);
    const [host] = await sql(a, 'select id, municipality_id from location limit 1');
    await sql(a, 'insert into location (id, organization_id, municipality_id, lat, lng) select ?, organization_id, municipality_id, lat, lng from location where id = ?', [
      first.location[0].id,
      host.id,
    ]);
    const before = (await sql(a, 'select id from organization')).map((r) => r.id);
    await expect(generateDemoData(a.orm.em.fork(), { organizations: 60, seed, batchSize: 20 })).rejects.toThrow(/duplicate key/);
    const added = (await sql(a, 'select id from organization')).map((r) => r.id).filter((id) => !before.includes(id));
    expect(added).not.toContain(first.organization[0].id);
    // A batch running beside the failed one may have committed, but only whole.
    expect(added.length % 20).toBe(0);
    const [orphans] = await sql(
      a,
      `select count(*)::int as n from organization o where not exists (select 1 from service s where s.organization_id = o.id)
         or not exists (select 1 from location l where l.organization_id = o.id)`,
    );
    expect(orphans.n).toBe(0);
  });

  it('gives different data for a different seed', async () => {
    const other = await generateDemoData(b.orm.em.fork(), { organizations: COUNT, seed: SEED + 1 });
    expect(other.organizations).toBe(COUNT);
    const [dumpA, dumpB] = await Promise.all([dump(a, 'demo'), dump(b, 'demo')]);
    const idsA = new Set((await sql(a, 'select id from organization')).map((r) => r.id));
    const idsB = (await sql(b, 'select id from organization where is_demo')).map((r) => r.id);
    expect(idsB.filter((id) => idsA.has(id))).toEqual([]);
    expect(dumpB.organization).not.toEqual(dumpA.organization);
    const namesA = new Set((await sql(a, 'select name_sq from organization')).map((r) => r.name_sq));
    const namesB = (await sql(b, 'select name_sq from organization where is_demo')).map((r) => r.name_sq);
    expect(namesB.filter((n) => !namesA.has(n)).length).toBeGreaterThan(COUNT / 3);
  });
});

describe('toPercentages', () => {
  it('always sums to 100', () => {
    expect(toPercentages([1, 1, 1, 0])).toEqual([34, 33, 33, 0]);
    expect(toPercentages([0.2, 0.7, 0.1, 0]).reduce((a, b) => a + b, 0)).toBe(100);
    expect(toPercentages([5, 0, 0, 0])).toEqual([100, 0, 0, 0]);
  });
});
