import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

import { D, DAY_AFTER, DAY_BEFORE, FIXTURE } from './contractable-fixture';

let db: TestDatabase;
let api: TestApi;
const keyById = new Map<string, string>();

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  const created = await createOrganizations(db.orm.em.fork(), Object.values(FIXTURE));
  Object.keys(FIXTURE).forEach((key, i) => keyById.set(created[i].id, key));
});
afterAll(() => db?.close());

async function contractable(input: Record<string, unknown>): Promise<string[]> {
  const result = await api.query(`query($f: OrganizationFilter) { organizations(first: 100, filter: $f) { totalCount edges { node { id } } } }`, { f: { contractableFor: input } });
  expect(result.errors).toBeUndefined();
  return result.data.organizations.edges.map((e: any) => keyById.get(e.node.id)).sort();
}

describe('contractableFor', () => {
  it('keeps exactly the organizations that meet every condition on the date', async () => {
    expect(await contractable({ category: 'residential', municipality: 'prishtine', on: D })).toEqual(
      ['contractable', 'deliveredAtSiteOnly', 'licenceEndsOnTheDay', 'licenceExactCategory', 'licenceStartsOnTheDay', 'servesByAreaOnly'].sort(),
    );
  });

  it('the day before and the day after move the licence edges', async () => {
    const before = await contractable({ category: 'residential', municipality: 'prishtine', on: DAY_BEFORE });
    expect(before).toContain('licenceExpiredTheDayBefore');
    expect(before).not.toContain('licenceStartsOnTheDay');
    const after = await contractable({ category: 'residential', municipality: 'prishtine', on: DAY_AFTER });
    expect(after).toContain('licenceStartsTheDayAfter');
    expect(after).not.toContain('licenceEndsOnTheDay');
  });

  it('a leaf category works the same as its parent', async () => {
    expect(await contractable({ category: 'residential.shelter-domestic-violence', municipality: 'prishtine', on: D })).toEqual(
      await contractable({ category: 'residential', municipality: 'prishtine', on: D }),
    );
    expect(await contractable({ category: 'residential.elderly', municipality: 'prishtine', on: D })).toEqual([]);
  });

  it('contractableNear: the qualifying service delivered at a site within the radius', async () => {
    const near = async (radiusKm: number, on = D) => {
      const result = await api.query(`query($f: OrganizationFilter) { organizations(first: 100, filter: $f) { edges { node { id } } } }`, {
        f: { contractableNear: { category: 'residential', near: { lat: 42.6625, lng: 21.166, radiusKm }, on } },
      });
      expect(result.errors).toBeUndefined();
      return result.data.organizations.edges.map((e: any) => keyById.get(e.node.id)).sort();
    };
    // Within 1 km of the Prishtina sites: served by area only (a Peja site) does not count here.
    expect(await near(1)).toEqual(['contractable', 'deliveredAtSiteOnly', 'licenceEndsOnTheDay', 'licenceExactCategory', 'licenceStartsOnTheDay'].sort());
    // Far enough to reach Peja (about 72 km): the services delivered there join.
    expect(await near(80)).toEqual(
      ['areaExcludesMunicipality', 'contractable', 'deliveredAtSiteOnly', 'licenceEndsOnTheDay', 'licenceExactCategory', 'licenceStartsOnTheDay', 'servesByAreaOnly', 'siteThereButServiceElsewhere'].sort(),
    );
    expect(await near(1, DAY_AFTER)).not.toContain('licenceEndsOnTheDay');
    const bad = await api.query(`{ organizations(filter: { contractableNear: { category: "residential", near: { lat: 42.6, lng: 21.1, radiusKm: -1 } } }) { totalCount } }`);
    expect(bad.errors?.[0].message).toMatch(/filter.contractableNear.near.radiusKm must be more than 0/);
  });

  it('another municipality has its own providers', async () => {
    expect(await contractable({ category: 'residential', municipality: 'peje', on: D })).toEqual(['areaExcludesMunicipality', 'servesByAreaOnly', 'siteThereButServiceElsewhere'].sort());
    expect(await contractable({ category: 'counselling', municipality: 'peje', on: D })).toEqual(['licensedServiceIsOtherOne']);
  });
});

/** What Organization.contractability must say for each fixture on D in Prishtina: the failing conditions and the licence reason. */
const EXPECTED: Record<string, { failing: string[]; licence: string }> = {
  contractable: { failing: [], licence: 'LICENCE_VALID' },
  licenceEndsOnTheDay: { failing: [], licence: 'LICENCE_VALID' },
  licenceStartsOnTheDay: { failing: [], licence: 'LICENCE_VALID' },
  licenceExpiredTheDayBefore: { failing: ['LICENCE'], licence: 'LICENCE_NOT_VALID_ON_DATE' },
  licenceStartsTheDayAfter: { failing: ['LICENCE'], licence: 'LICENCE_NOT_VALID_ON_DATE' },
  areaExcludesMunicipality: { failing: ['AREA'], licence: 'LICENCE_VALID' },
  servesByAreaOnly: { failing: [], licence: 'LICENCE_VALID' },
  deliveredAtSiteOnly: { failing: [], licence: 'LICENCE_VALID' },
  siteThereButServiceElsewhere: { failing: ['AREA'], licence: 'LICENCE_VALID' },
  unverified: { failing: ['VERIFIED'], licence: 'LICENCE_VALID' },
  inactiveOrganization: { failing: ['ACTIVE'], licence: 'LICENCE_VALID' },
  // No active service in the category: the licence is checked against the category itself.
  inactiveService: { failing: ['SERVICE', 'AREA'], licence: 'LICENCE_VALID' },
  licenceForOtherCategory: { failing: ['LICENCE'], licence: 'LICENCE_OTHER_CATEGORY' },
  licenceForSiblingCategory: { failing: ['LICENCE'], licence: 'LICENCE_OTHER_CATEGORY' },
  licenceExactCategory: { failing: [], licence: 'LICENCE_VALID' },
  licensedServiceIsOtherOne: { failing: ['LICENCE'], licence: 'LICENCE_OTHER_CATEGORY' },
};

const CONTRACTABILITY = `query($m: ID, $near: NearInput, $on: Date) { organizations(first: 100) { edges { node { id
  contractability(category: "residential", municipality: $m, near: $near, on: $on) { contractable on failing checks { condition holds reason message serviceName licenceNumber licenceValidFrom licenceValidUntil } }
} } } }`;

async function reports(variables: Record<string, unknown>): Promise<Map<string, any>> {
  const result = await api.query(CONTRACTABILITY, variables);
  expect(result.errors).toBeUndefined();
  return new Map(result.data.organizations.edges.map((e: any) => [keyById.get(e.node.id)!, e.node.contractability]));
}

describe('Organization.contractability', () => {
  it('names each failing condition, and its verdict is exactly the filter', async () => {
    const byKey = await reports({ m: 'prishtine', on: D });
    const kept = await contractable({ category: 'residential', municipality: 'prishtine', on: D });
    expect(byKey.size).toBe(Object.keys(FIXTURE).length);
    for (const [key, report] of byKey) {
      const licence = report.checks.find((c: any) => c.condition === 'LICENCE');
      expect({ key, failing: report.failing, licence: licence.reason }).toEqual({ key, ...EXPECTED[key] });
      expect({ key, contractable: report.contractable }).toEqual({ key, contractable: kept.includes(key) });
      expect(report.contractable).toBe(report.failing.length === 0);
      expect(report.checks.map((c: any) => c.condition)).toEqual(['ACTIVE', 'VERIFIED', 'SERVICE', 'AREA', 'LICENCE']);
      expect(report.on).toBe(D);
    }
  });

  it('says which licence and why, in the message and the fields', async () => {
    const byKey = await reports({ m: 'prishtine', on: D });
    const expired = byKey.get('licenceExpiredTheDayBefore').checks[4];
    expect(expired).toMatchObject({ holds: false, licenceValidFrom: '2025-01-01', licenceValidUntil: DAY_BEFORE });
    expect(expired.licenceNumber).toMatch(/^LIC-TEST-/);
    expect(expired.message).toContain(`not valid on ${D}`);
    const other = byKey.get('licenceForOtherCategory').checks[4];
    expect(other.message).toMatch(/is valid on 2026-06-15 but covers none of/);
    expect(byKey.get('areaExcludesMunicipality').checks[3].message).toMatch(/No active service in .* serves Prishtin/);
    expect(byKey.get('contractable').checks[2]).toMatchObject({ holds: true, serviceName: 'Strehimore', reason: 'SERVICE_IN_CATEGORY' });
    expect(byKey.get('inactiveOrganization').checks[0].message).toContain('INACTIVE');
    expect(byKey.get('unverified').checks[1]).toMatchObject({ holds: false, reason: 'NOT_VERIFIED' });
  });

  it('the day after moves the licence edge as the filter does', async () => {
    const byKey = await reports({ m: 'prishtine', on: DAY_AFTER });
    expect(byKey.get('licenceEndsOnTheDay').failing).toEqual(['LICENCE']);
    expect(byKey.get('licenceStartsTheDayAfter').failing).toEqual([]);
  });

  it('near a point it is the contractableNear rule', async () => {
    const near = { lat: 42.6625, lng: 21.166, radiusKm: 1 };
    const byKey = await reports({ near, on: D });
    const result = await api.query(`query($f: OrganizationFilter) { organizations(first: 100, filter: $f) { edges { node { id } } } }`, {
      f: { contractableNear: { category: 'residential', near, on: D } },
    });
    const kept = result.data.organizations.edges.map((e: any) => keyById.get(e.node.id));
    for (const [key, report] of byKey) expect({ key, contractable: report.contractable }).toEqual({ key, contractable: kept.includes(key) });
    // Served by area only, with its site in Peja: not delivered within 1 km.
    expect(byKey.get('servesByAreaOnly').failing).toEqual(['AREA']);
  });

  it('one statement for the whole page, and typed input errors', async () => {
    const run = await api.countStatements(() => reports({ m: 'prishtine', on: D }));
    const without = await api.countStatements(() => api.query(`{ organizations(first: 100) { edges { node { id } } } }`));
    expect(run.statements.length - without.statements.length).toBe(1);
    const both = await api.query(`{ organizations(first: 1) { edges { node { contractability(category: "residential", municipality: "prishtine", near: { lat: 42.6, lng: 21.1, radiusKm: 5 }) { contractable } } } } }`);
    expect(both.errors?.[0].message).toMatch(/a municipality or a point \(near\), not both/);
    const neither = await api.query(`{ organizations(first: 1) { edges { node { contractability(category: "residential") { contractable } } } } }`);
    expect(neither.errors?.[0].message).toMatch(/needs a municipality or a point/);
    const unknown = await api.query(`{ organizations(first: 1) { edges { node { contractability(category: "nope", municipality: "prishtine") { contractable } } } } }`);
    expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
