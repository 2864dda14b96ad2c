import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  await createOrganizations(db.orm.em.fork(), [
    { sq: 'Shpresa', sites: [{ municipality: 'prishtine', lat: 42.66, lng: 21.16 }], services: [{ name: 'Strehim', categories: ['residential'], atSites: [0] }] },
    { sq: 'Drita', sites: [{ municipality: 'prizren', lat: 42.21, lng: 20.74 }] },
  ]);
});
afterAll(() => db?.close());

const PAGE = `query Page($first: Int, $filter: OrganizationFilter) {
  organizations(first: $first, filter: $filter) { totalCount edges { cursor node { id name services { name categories { code } } locations { point { lat lng } } } } }
}`;

describe('hot operations run compiled (graphql-jit) through Apollo', () => {
  it('answers a hot operation exactly as its first, interpreted execution did', async () => {
    const runs = [];
    for (let i = 0; i < 4; i++) runs.push(await api.query(PAGE, { first: 10 }));
    expect(runs[0].errors).toBeUndefined();
    expect(runs[0].data.organizations.totalCount).toBe(2);
    for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
  });

  it('refuses variables that do not coerce with BAD_USER_INPUT, hot or not', async () => {
    for (let i = 0; i < 3; i++) await api.query(PAGE, { first: 1 });
    for (const variables of [{ filter: [] }, { first: 'ten' }, { filter: { colour: 'red' } }]) {
      const result = await api.query(PAGE, variables);
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('keeps resolver errors typed and paths intact when compiled', async () => {
    const bad = `query Bad($text: String) { organizations(filter: { text: $text }) { totalCount } }`;
    for (let i = 0; i < 3; i++) await api.query(bad, { text: 'ok' });
    const result = await api.query(bad, { text: 'x'.repeat(201) });
    expect(result.errors?.[0]).toMatchObject({ path: ['organizations'], extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('builds each page from the selection its variables make, however often the same query text runs', async () => {
    // The page's SQL is compiled once per query and variables (core/projection.ts memo): @include changes the selection.
    const query = `query Page($services: Boolean!, $lang: Language) {
      organizations(first: 5) { edges { node { name(lang: $lang) services @include(if: $services) { name } } } }
    }`;
    for (let i = 0; i < 3; i++) {
      const withServices = await api.query(query, { services: true });
      const without = await api.query(query, { services: false, lang: 'EN' });
      const shpresa = (r: any) => r.data.organizations.edges.map((e: any) => e.node).find((n: any) => n.name === 'Shpresa');
      expect(shpresa(withServices)).toEqual({ name: 'Shpresa', services: [{ name: 'Strehim' }] });
      expect(shpresa(without)).toEqual({ name: 'Shpresa' });
    }
  });
});
