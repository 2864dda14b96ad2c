import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTermId, TAXONOMIES } from '../../src/hsds/hsds-vocabulary';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createHsdsFixture, type HsdsServer, startHsdsServer } from './hsds-fixture';

/** taxonomy_id / taxonomy_term_id over the record-fields taxonomy, nested terms, diacritics, minimal, proximity, postcode. */
let db: TestDatabase;
let api: HsdsServer;

beforeAll(async () => {
  db = await createTestDatabase();
  await createHsdsFixture(db.orm.em.fork());
  api = await startHsdsServer(db.orm);
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

const ids = (body: any) => body.contents.map((o: any) => o.id).sort();

describe('HSDS taxonomy filters honour the record-fields taxonomy', () => {
  it('taxonomy_id of the record fields returns exactly the services whose attributes use it, each with its nested taxonomy_term', async () => {
    const all = (await api.get('/services?full=true&per_page=100')).body.contents;
    const usesRecord = (s: any) => (s.attributes ?? []).some((a: any) => a.taxonomy_term?.taxonomy_id === TAXONOMIES.record.id);
    const expected = all.filter(usesRecord).map((s: any) => s.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    const filtered = await api.get(`/services?taxonomy_id=${TAXONOMIES.record.id}&per_page=100`);
    expect(filtered.status).toBe(200);
    expect(ids(filtered.body)).toEqual(expected);
    for (const service of all) {
      for (const attribute of service.attributes ?? []) {
        expect(attribute.taxonomy_term, attribute.link_type).toMatchObject({ id: attribute.taxonomy_term_id, taxonomy_id: expect.any(String), name: expect.any(String) });
      }
    }
  });

  it('taxonomy_term_id of a record field returns the services and organizations that carry that attribute', async () => {
    const term = recordTermId('name-en');
    const all = (await api.get('/services?full=true&per_page=100')).body.contents;
    const expected = all.filter((s: any) => (s.attributes ?? []).some((a: any) => a.taxonomy_term_id === term)).map((s: any) => s.id).sort();
    expect(expected).toHaveLength(1);
    expect(ids((await api.get(`/services?taxonomy_term_id=${term}`)).body)).toEqual(expected);
    const organizations = (await api.get('/organizations?full=true&per_page=100')).body.contents;
    const status = recordTermId('organization-status');
    expect((await api.get(`/organizations?taxonomy_term_id=${status}`)).body.total_items).toBe(organizations.length);
    const demo = recordTermId('demo');
    const demoOrganizations = organizations.filter((o: any) => (o.attributes ?? []).some((a: any) => a.taxonomy_term_id === demo)).map((o: any) => o.id).sort();
    expect(demoOrganizations).toHaveLength(1);
    expect(ids((await api.get(`/organizations?taxonomy_term_id=${demo}`)).body)).toEqual(demoOrganizations);
  });

  it('taxonomy_terms search folds diacritics', async () => {
    const plain = await api.get('/taxonomy_terms?search=perkujdesje&per_page=100');
    const marked = await api.get('/taxonomy_terms?search=p%C3%ABrkujdesje&per_page=100');
    expect(marked.body.total_items).toBeGreaterThan(0);
    expect(ids(plain.body)).toEqual(ids(marked.body));
    expect((await api.get('/taxonomy_terms?search=PERKUJDESJE')).body.total_items).toBe(marked.body.total_items);
  });
});

describe('HSDS minimal, proximity and postcode', () => {
  it('minimal=true gives every matching service as id and modified_date, in one response', async () => {
    const full = await api.get('/services?per_page=100');
    const minimal = await api.get('/services?minimal=true&per_page=1');
    expect(minimal.status).toBe(200);
    expect(minimal.body).toMatchObject({ total_items: full.body.total_items, total_pages: 1, size: full.body.total_items, last_page: true });
    expect(minimal.body.contents.map((s: any) => s.id)).toEqual(full.body.contents.map((s: any) => s.id));
    for (const s of minimal.body.contents) expect(Object.keys(s).sort()).toEqual(['id', 'modified_date']);
    expect(minimal.body.contents.every((s: any) => !Number.isNaN(Date.parse(s.modified_date)))).toBe(true);
    const res = await api.get('/organizations?minimal=true');
    expect(res.status).toBe(400);
    expect(res.body.error.parameter).toBe('minimal');
  });

  it('proximity (metres) around lat/lng keeps the service-at-locations whose site lies within it', async () => {
    const near = await api.get('/service_at_locations?proximity=5000&lat=42.66&lng=21.16&full=true');
    expect(near.status).toBe(200);
    expect(near.body.total_items).toBe(2);
    for (const sal of near.body.contents) expect(sal.location.latitude).toBeCloseTo(42.662, 3);
    // 40 km also reaches the sites in Ferizaj (about 32 km) and Gjilan (about 34 km).
    expect((await api.get('/service_at_locations?proximity=40000&lat=42.66&lng=21.16')).body.total_items).toBe(4);
    expect((await api.get('/service_at_locations?proximity=10&lat=41&lng=20')).body.total_items).toBe(0);
  });

  it.each([
    ['/service_at_locations?proximity=5000', 'lat', /give proximity \(metres\), lat and lng/],
    ['/service_at_locations?proximity=5000&lat=42.6', 'lng', /together/],
    ['/service_at_locations?proximity=-1&lat=42.6&lng=21', 'proximity', /from 1 to 200000/],
    ['/service_at_locations?proximity=500&lat=95&lng=21', 'lat', /from -90 to 90/],
    ['/services?proximity=500&lat=42&lng=21', 'proximity', /only/],
    ['/service_at_locations?postcode=10000', 'postcode', /civimap stores no postcodes.*proximity/],
  ])('%s is refused naming %s', async (path, parameter, message) => {
    const res = await api.get(path);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', parameter, message: expect.stringMatching(message) });
  });
});
