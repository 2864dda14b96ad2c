import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/geography/geo';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// near computes each organization's distance in one grouped pass over the sites (organization-search.ts,
// nearJoin): an organization with several sites must come once, at the distance of its nearest site.
let db: TestDatabase;
let api: TestApi;
const CENTRE = { lat: 42.6629, lng: 21.1655 };

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  await createOrganizations(db.orm.em.fork(), [
    // Three sites within 10 km, the nearest about 2.2 km away.
    { sq: 'Shumë Vende', sites: [{ municipality: 'prishtine', lat: 42.70, lng: 21.20 }, { municipality: 'prishtine', lat: 42.68, lng: 21.18 }, { municipality: 'prishtine', lat: 42.64, lng: 21.15 }] },
    // One site in the box but beyond 10 km, one at about 5 km: in, at 5 km.
    { sq: 'Brenda dhe Jashtë', sites: [{ municipality: 'prishtine', lat: 42.74, lng: 21.27 }, { municipality: 'prishtine', lat: 42.70, lng: 21.13 }] },
    // Only a site in the box corner, beyond the radius: out.
    { sq: 'Vetëm Jashtë', sites: [{ municipality: 'prishtine', lat: 42.745, lng: 21.28 }] },
    { sq: 'Një Vend', sites: [{ municipality: 'prishtine', lat: 42.6629, lng: 21.1755 }] },
  ]);
  await api.reference.get();
});
afterAll(() => db?.close());

const QUERY = /* GraphQL */ `
  query Near($filter: OrganizationFilter, $first: Int, $after: String) {
    organizations(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor distanceKm node { name locations { point { lat lng } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('near with several sites per organization', () => {
  it('each organization once, at its nearest site, in distance order; the count and the pages agree', async () => {
    const filter = { near: { ...CENTRE, radiusKm: 10 } };
    const result = await api.query(QUERY, { filter, first: 10 });
    expect(result.errors).toBeUndefined();
    const edges = result.data.organizations.edges;
    expect(edges.map((e: any) => e.node.name)).toEqual(['Një Vend', 'Shumë Vende', 'Brenda dhe Jashtë']);
    expect(result.data.organizations.totalCount).toBe(3);
    for (const edge of edges) {
      const nearest = Math.min(...edge.node.locations.map((l: any) => haversineKm(CENTRE.lat, CENTRE.lng, l.point.lat, l.point.lng)));
      expect(edge.distanceKm).toBeCloseTo(nearest, 6);
      expect(edge.distanceKm).toBeLessThanOrEqual(10);
    }

    // Page by page (1 at a time) the same order, no organization twice.
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await api.query(QUERY, { filter, first: 1, after });
      walked.push(...page.data.organizations.edges.map((e: any) => e.node.name));
      if (!page.data.organizations.pageInfo.hasNextPage) break;
      after = page.data.organizations.pageInfo.endCursor;
    }
    expect(walked).toEqual(['Një Vend', 'Shumë Vende', 'Brenda dhe Jashtë']);
  });

  it('ordered by name, near still filters by the radius and gives distances', async () => {
    const result = await api.query(
      /* GraphQL */ `query($filter: OrganizationFilter) { organizations(first: 10, filter: $filter, orderBy: NAME) { edges { distanceKm node { name } } } }`,
      { filter: { near: { ...CENTRE, radiusKm: 10 } } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.organizations.edges.map((e: any) => e.node.name)).toEqual(['Brenda dhe Jashtë', 'Një Vend', 'Shumë Vende']);
    for (const edge of result.data.organizations.edges) expect(edge.distanceKm).toBeGreaterThan(0);
  });
});
