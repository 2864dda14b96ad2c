import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectionsOf } from '../../src/app/projections';
import { buildCivimapSchema } from '../../src/app/schema';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations, type OrganizationSpec } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;

const SPECS: OrganizationSpec[] = Array.from({ length: 60 }, (_, i) => ({
  sq: `Organizata ${String(i).padStart(2, '0')}`,
  sites: [
    { municipality: 'prishtine', lat: 42.66, lng: 21.16 },
    { municipality: 'prizren', lat: 42.21, lng: 20.74 },
  ],
  services: [
    { name: 'Strehim', categories: ['residential.shelter-domestic-violence', 'counselling.psychosocial'], targetGroups: ['women-and-girls', 'youth'], area: ['prishtine', 'obiliq'], atSites: [0] },
    { name: 'Këshillim', categories: ['counselling.family'], targetGroups: ['families-in-need'], area: ['prizren'], atSites: [1] },
  ],
  licences: [{ categories: ['residential'], from: '2024-01-01', until: '2028-01-01' }],
}));

// Everything a profile list shows: services with categories, target groups, area and sites; sites with municipality; licences.
const PAGE = /* GraphQL */ `
  query Page($first: Int) {
    organizations(first: $first) {
      totalCount
      edges {
        node {
          id name(lang: EN) isDemo verification { status verifiedAt }
          services { id name categories { code name parent { code } } targetGroups { code name } serviceArea { code name region { code } } locations { id } }
          locations { id point { lat lng } municipality { code name region { name } } }
          licences { number validFrom validUntil validToday categories { code } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  await createOrganizations(db.orm.em.fork(), SPECS);
  await api.reference.get();
});
afterAll(() => db?.close());

describe('SQL statements per page', () => {
  it('a page of 50 with nested services, locations and licences runs 2 statements (the page, built in SQL, and its count), and a page of 10 the same', async () => {
    const fifty = await api.countStatements(() => api.query(PAGE, { first: 50 }));
    expect(fifty.result.errors).toBeUndefined();
    expect(fifty.result.data.organizations.edges).toHaveLength(50);
    expect(fifty.result.data.organizations.edges[0].node.services[0].categories.length).toBeGreaterThan(0);
    expect(fifty.result.data.organizations.edges[0].node.locations[0].municipality.code).toBeTruthy();
    expect(fifty.result.data.organizations.edges[0].node.licences[0].categories[0].code).toBe('residential');
    // The page with every nested list in one statement (core/projection.ts), then totalCount.
    expect(fifty.statements).toHaveLength(2);
    expect(fifty.statements.filter((s) => s.includes('json_agg'))).toHaveLength(1);

    const ten = await api.countStatements(() => api.query(PAGE, { first: 10 }));
    expect(ten.result.data.organizations.edges).toHaveLength(10);
    expect(ten.statements.length).toBe(fifty.statements.length);
  });

  it('the statement count does not grow with the page size', async () => {
    const counts = [];
    for (const first of [1, 25, 60]) {
      const run = await api.countStatements(() => api.query(PAGE, { first }));
      expect(run.result.errors).toBeUndefined();
      counts.push(run.statements.length);
    }
    expect(counts).toEqual([2, 2, 2]);
  });
});

// The result list the benchmark's search scenarios fetch (packages/bench/src/scenarios.mjs): names, verification, sites.
const LIST = /* GraphQL */ `
  query List($first: Int, $filter: OrganizationFilter) {
    organizations(first: $first, filter: $filter) {
      totalCount
      edges { distanceKm node { id name verification { status } locations { id point { lat lng } municipality { code } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('SQL statements per filtered result list', () => {
  const filters = {
    text: { text: 'organizata' },
    near: { near: { lat: 42.66, lng: 21.16, radiusKm: 10 } },
    bbox: { bbox: { minLat: 42.6, minLng: 21.1, maxLat: 42.7, maxLng: 21.2 } },
  };
  for (const [name, filter] of Object.entries(filters)) {
    it(`${name}: the page with its sites and its count, 2 statements whatever the page size`, async () => {
      const counts = [];
      for (const first of [5, 20, 50]) {
        const run = await api.countStatements(() => api.query(LIST, { first, filter }));
        expect(run.result.errors).toBeUndefined();
        expect(run.result.data.organizations.edges).toHaveLength(first);
        counts.push(run.statements.length);
      }
      expect(counts).toEqual([2, 2, 2]);
    });
  }
});

describe('SQL statements of the other compiled reads', () => {
  const PROFILE = /* GraphQL */ `
    query Profile($id: ID!) {
      organization(id: $id) {
        id name names { sq en } description(lang: SR) status fundingMix { publicSources } verification { status }
        services { id name(lang: EN) capacity languages categories { code } targetGroups { code } serviceArea { code } locations { id address } }
        locations { id name point { lat lng } municipality { code } }
        licences { number authority validFrom validUntil validOn(date: "2025-01-01") categories { code } verification { status } }
      }
    }
  `;

  it('organization(id) with every nested list is 1 statement; node(id) is the kind and then 1 more', async () => {
    const { result: page } = await api.countStatements(() => api.query(`{ organizations(first: 1) { edges { node { id } } } }`));
    const id = page.data.organizations.edges[0].node.id;
    const profile = await api.countStatements(() => api.query(PROFILE, { id }));
    expect(profile.result.errors).toBeUndefined();
    expect(profile.result.data.organization.services[0].categories.length).toBeGreaterThan(0);
    expect(profile.result.data.organization.services[0].locations[0].id).toBeTruthy();
    expect(profile.result.data.organization.licences[0].validOn).toBe(true);
    expect(profile.statements).toHaveLength(1);

    const node = await api.countStatements(() =>
      api.query(`query($id: ID!) { node(id: $id) { id ... on Organization { name services { name } locations { municipality { code } } } } }`, { id }),
    );
    expect(node.result.errors).toBeUndefined();
    expect(node.result.data.node).toMatchObject({ id, name: profile.result.data.organization.name });
    expect(node.result.data.node.services).toHaveLength(2);
    expect(node.statements).toHaveLength(2);
  });

  it('mapPoints is 1 statement whatever the number of sites', async () => {
    const run = await api.countStatements(() => api.query(`{ mapPoints { locationId organizationId lat lng categoryCodes } }`));
    expect(run.result.errors).toBeUndefined();
    expect(run.result.data.mapPoints).toHaveLength(120);
    expect(run.result.data.mapPoints[0].categoryCodes.length).toBeGreaterThan(0);
    expect(run.statements).toHaveLength(1);
  });
});

describe('field projections', () => {
  it('every field of the compiled types says how it compiles (a new field without one would read as null)', async () => {
    const schema = await buildCivimapSchema();
    const registry = projectionsOf(db.orm);
    for (const type of ['Organization', 'Service', 'Location', 'Licence']) {
      const fields = Object.keys((schema.getType(type) as GraphQLObjectType).getFields());
      expect({ type, uncovered: fields.filter((field) => !registry.covers(type, field)) }).toEqual({ type, uncovered: [] });
    }
  });
});
