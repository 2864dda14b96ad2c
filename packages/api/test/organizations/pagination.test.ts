import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations, type OrganizationSpec } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
let allIds: string[];

// Many ties on purpose: identical names, identical update times and identical sites.
const SPECS: OrganizationSpec[] = Array.from({ length: 43 }, (_, i) => ({
  sq: i % 3 === 0 ? 'Shoqata e Njëjtë' : `Shoqata ${String.fromCharCode(65 + (i % 7))}`,
  sites: [{ municipality: 'prishtine', lat: i % 2 === 0 ? 42.667 : 42.66 + i / 1000, lng: 21.167 }],
}));

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  allIds = (await createOrganizations(db.orm.em.fork(), SPECS)).map((o) => o.id).sort();
  await db.orm.em.fork().execute(`update organization set updated_at = '2026-05-01T12:00:00Z' where name_sq like 'Shoqata e%' or name_sq = 'Shoqata B'`);
});
afterAll(() => db?.close());

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $orderBy: OrganizationOrder, $filter: OrganizationFilter) {
    organizations(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
      totalCount
      edges { cursor distanceKm node { id name updatedAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

async function walk(variables: Record<string, unknown>, pageSize: number) {
  const seen: any[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const result: any = await api.query(PAGE, { ...variables, first: pageSize, after });
    expect(result.errors).toBeUndefined();
    const connection = result.data.organizations;
    expect(connection.totalCount).toBe(SPECS.length);
    expect(connection.edges.length).toBeLessThanOrEqual(pageSize);
    expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
    if (connection.edges.length) {
      expect(connection.pageInfo.startCursor).toBe(connection.edges[0].cursor);
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1).cursor);
    }
    seen.push(...connection.edges);
    if (!connection.pageInfo.hasNextPage) return seen;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('cursor pagination', () => {
  it.each([1, 5, 7, 43, 100])('by name, %i a page: every organization exactly once, in order', async (size) => {
    const edges = await walk({}, size);
    const ids = edges.map((e) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(allIds);
    const keys = edges.map((e) => [e.node.name, e.node.id]);
    const sorted = [...keys].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
    expect(keys).toEqual(sorted);
  });

  it('by update time with many identical timestamps: no duplicates, no gaps', async () => {
    const edges = await walk({ orderBy: 'UPDATED_AT' }, 6);
    const ids = edges.map((e) => e.node.id);
    expect(new Set(ids).size).toBe(SPECS.length);
    expect([...ids].sort()).toEqual(allIds);
    const times = edges.map((e) => Date.parse(e.node.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('by distance with identical sites: no duplicates, no gaps, ascending distances', async () => {
    const edges = await walk({ filter: { near: { lat: 42.667, lng: 21.167, radiusKm: 50 } } }, 4);
    const ids = edges.map((e) => e.node.id);
    expect(new Set(ids).size).toBe(SPECS.length);
    const distances = edges.map((e) => e.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.filter((d) => d === 0).length).toBe(22);
  });

  it.each([
    ['walks the name index (every organization in the box: dense)', true],
    ['collects the matches first (statistics say the box holds few)', false],
  ])('by name within a bbox, the plan %s: every organization once, in name order, across pages', async (_label, analyzed) => {
    // The plan follows the count against the planner's estimate of all organizations (organization-page.ts).
    await db.orm.em.fork().execute(analyzed ? 'analyze organization' : `update pg_class set reltuples = 1000000 where oid = 'organization'::regclass`);
    for (const orderBy of ['NAME', 'UPDATED_AT']) {
      const edges = await walk({ orderBy, filter: { bbox: { minLat: 42.6, minLng: 21.1, maxLat: 42.8, maxLng: 21.2 } } }, 6);
      const ids = edges.map((e) => e.node.id);
      expect([...ids].sort()).toEqual(allIds);
      if (orderBy === 'NAME') {
        const names = edges.map((e) => e.node.name);
        expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }
    }
    await db.orm.em.fork().execute('analyze organization');
  });

  it('orders by the names of the requested language, Albanian where one is missing, across pages', async () => {
    await db.orm.em.fork().execute(`update organization set name_sr = 'Udruženje ' || substr(md5(id::text), 1, 6) where name_sq like 'Shoqata e%'`);
    const query = `query($after: String) { organizations(first: 5, after: $after, lang: SR) { edges { cursor node { id name(lang: SR) } } pageInfo { hasNextPage endCursor } } }`;
    const names: string[] = [];
    let after: string | null = null;
    do {
      const result: any = await api.query(query, { after });
      expect(result.errors).toBeUndefined();
      names.push(...result.data.organizations.edges.map((e: any) => e.node.name));
      after = result.data.organizations.pageInfo.hasNextPage ? result.data.organizations.pageInfo.endCursor : null;
    } while (after);
    expect(names).toHaveLength(SPECS.length);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names.some((n) => n.startsWith('Udruženje'))).toBe(true);
    // A cursor of the Albanian order does not continue a Serbian one.
    const sq: any = await api.query('{ organizations(first: 1) { pageInfo { endCursor } } }');
    const mixed: any = await api.query(query, { after: sq.data.organizations.pageInfo.endCursor });
    expect(mixed.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('first: 0 gives no edges but the count', async () => {
    const result: any = await api.query(PAGE, { first: 0 });
    expect(result.data.organizations.edges).toEqual([]);
    expect(result.data.organizations.totalCount).toBe(SPECS.length);
  });

  it('first over 100 is rejected with a clear error', async () => {
    const result: any = await api.query(PAGE, { first: 101 });
    expect(result.data).toBeNull();
    expect(result.errors[0].message).toBe('"first" may be at most 100; got 101. Page through the rest with "after".');
    expect(result.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('the default page size is 20', async () => {
    const result: any = await api.query(PAGE, {});
    expect(result.data.organizations.edges).toHaveLength(20);
    expect(result.data.organizations.pageInfo.hasNextPage).toBe(true);
  });
});
