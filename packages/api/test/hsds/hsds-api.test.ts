import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryTermId, targetGroupTermId, TAXONOMIES } from '../../src/hsds/hsds-vocabulary';
import { DEMO_NOTE } from '../../src/hsds/hsds-metadata';
import { HsdsReader } from '../../src/hsds/hsds-reader';
import { loadReferenceCatalog } from '../../src/reference/reference-catalog';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createHsdsFixture, type HsdsServer, startHsdsServer } from './hsds-fixture';

let db: TestDatabase;
let api: HsdsServer;
let ids: Awaited<ReturnType<typeof createHsdsFixture>>;

beforeAll(async () => {
  db = await createTestDatabase();
  ids = await createHsdsFixture(db.orm.em.fork());
  api = await startHsdsServer(db.orm);
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

const PAGE_FIELDS = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];

describe('HSDS API: root and lists', () => {
  it('/hsds without the slash answers too', async () => {
    const res = await fetch(api.url);
    expect(res.status).toBe(200);
    expect((await res.json()).version).toBe('3.0');
  });

  it('GET /hsds/ states the HSDS version, the licence and that demo records are present', async () => {
    const { status, body } = await api.get('/');
    expect(status).toBe(200);
    expect(body).toMatchObject({ version: '3.0', demo_data: true, max_per_page: 100, licence: { name: expect.any(String) } });
    expect(body.demo_notice).toContain(DEMO_NOTE);
    expect(body.taxonomies.map((t: any) => t.id)).toEqual([TAXONOMIES.categories.id, TAXONOMIES.targetGroups.id, TAXONOMIES.record.id]);
  });

  it('pages organizations with the paging fields of the OpenAPI file', async () => {
    const first = await api.get('/organizations?per_page=2');
    expect(first.status).toBe(200);
    for (const field of PAGE_FIELDS) expect(first.body).toHaveProperty(field);
    expect(first.body).toMatchObject({ total_items: 3, total_pages: 2, page_number: 1, size: 2, first_page: true, last_page: false, empty: false, per_page: 2 });
    const second = await api.get('/organizations?per_page=2&page=2');
    expect(second.body).toMatchObject({ total_items: 3, page_number: 2, size: 1, first_page: false, last_page: true, empty: false });
    const names = [...first.body.contents, ...second.body.contents].map((o: any) => o.name);
    expect(names).toEqual(['Demo Qendra Ditore', 'Qendra për Mbrojtjen e Fëmijëve', 'Shoqata Shpresa']);
    const beyond = await api.get('/organizations?per_page=2&page=5');
    expect(beyond.body).toMatchObject({ size: 0, empty: true, last_page: true, contents: [] });
  });

  it('list items carry only one-to-one fields; invalid emails and websites are left out', async () => {
    const { body } = await api.get('/organizations');
    const qendra = body.contents.find((o: any) => o.id === ids.qendra.id);
    expect(qendra).toEqual({
      id: ids.qendra.id,
      name: 'Qendra për Mbrojtjen e Fëmijëve',
      alternate_name: 'QMF',
      description: 'Mbron fëmijët.',
      email: 'info@qmf.example.org',
      website: 'https://qmf.example.org',
      year_incorporated: 2004,
      legal_status: 'foundation',
    });
    const shpresa = body.contents.find((o: any) => o.id === ids.shpresa.id);
    expect(shpresa).not.toHaveProperty('email');
    expect(shpresa).not.toHaveProperty('website');
    expect(shpresa.description).toBe('');
    const demo = body.contents.find((o: any) => o.id === ids.demo.id);
    expect(demo.description).toBe(DEMO_NOTE);
  });

  it('search folds case and diacritics', async () => {
    const { body } = await api.get('/organizations?search=femijeve');
    expect(body.contents.map((o: any) => o.id)).toEqual([ids.qendra.id]);
    const services = await api.get('/services?search=MOSHUARIT');
    expect(services.body.contents.map((s: any) => s.name)).toEqual(['Qendër ditore për të moshuarit']);
  });

  it('filters services by taxonomy term (a parent category matches its children), organization and modification time', async () => {
    const residential = await api.get(`/services?taxonomy_term_id=${categoryTermId('residential')}`);
    expect(residential.body.contents.map((s: any) => s.name)).toEqual(['Strehim për fëmijë']);
    const youth = await api.get(`/services?taxonomy_term_id=${targetGroupTermId('youth')}`);
    expect(youth.body.contents.map((s: any) => s.name)).toEqual(['Linjë ndihme për fëmijë']);
    const byOrganization = await api.get(`/services?organization_id=${ids.shpresa.id}`);
    expect(byOrganization.body.contents.map((s: any) => s.name).sort()).toEqual(['Kujdes në shtëpi', 'Qendër ditore për të moshuarit']);
    expect(byOrganization.body.contents.find((s: any) => s.name === 'Kujdes në shtëpi').status).toBe('inactive');
    const recent = await api.get('/services?modified_after=2026-02-15T00:00:00Z');
    expect(recent.body.contents.map((s: any) => s.name)).toEqual(['Strehim për fëmijë']);
    const since2025 = await api.get('/services?modified_after=2025-05-05');
    expect(since2025.body.total_items).toBe(3);
    const unknownTerm = await api.get('/services?taxonomy_term_id=00000000-0000-4000-8000-000000000000');
    expect(unknownTerm.body).toMatchObject({ total_items: 0, empty: true });
    const taxonomy = await api.get(`/services?taxonomy_id=${TAXONOMIES.targetGroups.id}`);
    expect(taxonomy.body.total_items).toBe(3);
  });

  it('filters service_at_locations and nests the location and the service', async () => {
    const { body } = await api.get(`/service_at_locations?organization_id=${ids.qendra.id}`);
    expect(body.total_items).toBe(3);
    for (const item of body.contents) {
      expect(item.location).toMatchObject({ location_type: 'physical', latitude: expect.any(Number), longitude: expect.any(Number) });
      expect(item.service.organization.id).toBe(ids.qendra.id);
    }
    const helpline = await api.get(`/service_at_locations?taxonomy_term_id=${categoryTermId('counselling')}`);
    expect(helpline.body.total_items).toBe(2);
  });

  it('lists taxonomies and taxonomy terms, filtered by taxonomy and parent', async () => {
    const taxonomies = await api.get('/taxonomies');
    expect(taxonomies.body.total_items).toBe(3);
    const categories = await api.get(`/taxonomy_terms?taxonomy_id=${TAXONOMIES.categories.id}&per_page=100`);
    expect(categories.body.contents.length).toBeGreaterThan(20);
    const children = await api.get(`/taxonomy_terms?parent_id=${categoryTermId('residential')}&per_page=100`);
    expect(children.body.contents.every((t: any) => t.code.startsWith('residential.') && t.parent_id === categoryTermId('residential'))).toBe(true);
    const top = await api.get(`/taxonomy_terms?taxonomy_id=${TAXONOMIES.categories.id}&top_only=true&per_page=100`);
    expect(top.body.contents.map((t: any) => t.code)).toEqual(['residential', 'day-care', 'community', 'counselling', 'family', 'reintegration', 'prevention']);
    const term = await api.get(`/taxonomy_terms/${targetGroupTermId('elderly')}`);
    expect(term.body).toMatchObject({ code: 'elderly', taxonomy_id: TAXONOMIES.targetGroups.id, name: 'Të moshuar' });
  });
});

describe('HSDS API: objects by id', () => {
  it('a full organization carries identifiers, funding, phones, locations with addresses, attributes, change log and services', async () => {
    const { status, body } = await api.get(`/organizations/${ids.qendra.id}?full_service=true`);
    expect(status).toBe(200);
    expect(body.organization_identifiers).toEqual([expect.objectContaining({ identifier: '5112345-6', identifier_type: 'NGO registration number (Kosovo)' })]);
    expect(body.funding.map((f: any) => f.source)).toEqual(['Public sources: 40%', 'Foreign donors: 50%', 'Own revenue: 10%']);
    expect(body.phones[0].number).toBe('+383 38 123 456');
    expect(body.locations).toHaveLength(2);
    const prishtine = body.locations.find((l: any) => l.addresses[0].city === 'Prishtinë');
    expect(prishtine.addresses[0]).toMatchObject({ address_1: 'Rr. Agim Ramadani 15', country: 'XK', state_province: 'Prishtinë', address_type: 'physical' });
    expect(prishtine.accessibility[0].description).toBe('Hyrje pa shkallë');
    const values = Object.fromEntries(body.attributes.map((a: any) => [a.link_type, a.value]));
    expect(values).toMatchObject({ 'name-sr': 'Centar za zaštitu dece', 'description-en': 'Protects children.', 'organization-status': 'active', 'public-benefit': 'true', 'staff-count': '12' });
    const shelter = body.services.find((s: any) => s.name === 'Strehim për fëmijë');
    expect(shelter.service_areas.map((a: any) => a.name)).toEqual(['Obiliq', 'Prishtinë']);
    expect(shelter.languages.map((l: any) => l.code)).toEqual(['sq', 'sr', 'en']);
    expect(shelter.fees_description).toBe('Free of charge.');
    expect(shelter.eligibility_description).toBe('Fëmijët nën 18 vjeç.');
    expect(shelter.last_modified).toBe('2026-03-01T10:00:00.000Z');
    expect(shelter.attributes.map((a: any) => a.taxonomy_term?.code ?? a.link_type)).toEqual(expect.arrayContaining(['residential.children', 'children-without-parental-care', 'capacity-per-year']));
    expect(shelter.service_at_locations).toHaveLength(1);
  });

  it('the change log comes from the revisions, with the author or "civimap"; objects without revisions get a creation entry', async () => {
    const { body } = await api.get(`/organizations/${ids.qendra.id}`);
    expect(body.metadata.map((m: any) => [m.last_action_type, m.field_name, m.previous_value, m.replacement_value, m.updated_by])).toEqual([
      ['update', 'website', '', 'https://qmf.example.org', 'Ana Krasniqi'],
      ['update', 'staffCount', '10', '12', 'Ana Krasniqi'],
      ['verify', '', '', '', 'civimap'],
    ]);
    expect(body.metadata[0].last_action_date).toBe('2026-01-10T09:00:00.456Z');
    const services = await api.get(`/services?organization_id=${ids.qendra.id}&search=strehim`);
    const shelter = await api.get(`/services/${services.body.contents[0].id}`);
    // Two revisions in the same millisecond: by id; a revision of three fields: three entries, the first with the revision's id.
    expect(shelter.body.metadata.map((m: any) => [m.id.slice(-2), m.last_action_type, m.field_name, m.replacement_value])).toEqual([
      ['b1', 'create', 'status', 'ACTIVE'],
      // jsonb keeps object keys in its own order (shorter first): the same in every database.
      ['b2', 'update', 'names', '{"en":"Shelter for children","sq":"Strehim për fëmijë","sr":null}'],
      [expect.any(String), 'update', 'categories', '["residential.children"]'],
      [expect.any(String), 'update', 'capacityPerYear', '120'],
    ]);
    expect(shelter.body.service_at_locations[0].metadata[0].last_action_type).toBe('create');
    const shpresa = await api.get(`/organizations/${ids.shpresa.id}`);
    expect(shpresa.body.metadata).toEqual([expect.objectContaining({ last_action_type: 'create', resource_type: 'organization', updated_by: 'civimap' })]);
  });

  it('a demo organization says so in its description and in an attribute', async () => {
    const { body } = await api.get(`/organizations/${ids.demo.id}`);
    expect(body.description.endsWith(DEMO_NOTE)).toBe(true);
    expect(body.attributes.find((a: any) => a.link_type === 'demo').value).toBe('true');
    expect(body.services[0]).toEqual({ id: expect.any(String), organization_id: ids.demo.id, name: 'Demo shërbim', status: 'active', last_modified: expect.any(String) });
  });

  it('services and service_at_locations by id nest their organization and locations', async () => {
    const list = await api.get(`/services?organization_id=${ids.qendra.id}`);
    const helpline = list.body.contents.find((s: any) => s.name === 'Linjë ndihme për fëmijë');
    const { body } = await api.get(`/services/${helpline.id}`);
    expect(body.organization.id).toBe(ids.qendra.id);
    expect(body.service_at_locations).toHaveLength(2);
    expect(body.service_at_locations[0].location.addresses).toHaveLength(1);
    const sal = await api.get(`/service_at_locations/${body.service_at_locations[0].id}`);
    expect(sal.status).toBe(200);
    expect(sal.body.service.id).toBe(helpline.id);
    expect(sal.body.location.id).toBe(body.service_at_locations[0].location_id);
  });

  it('unknown ids answer 404 with a JSON error', async () => {
    for (const path of [
      '/organizations/00000000-0000-4000-8000-000000000000',
      '/services/00000000-0000-4000-8000-000000000000',
      '/service_at_locations/00000000-0000-4000-8000-000000000000',
      '/taxonomies/00000000-0000-4000-8000-000000000000',
      '/taxonomy_terms/00000000-0000-4000-8000-000000000000',
      '/organizations/not-a-uuid',
      '/nothing-here',
    ]) {
      const res = await api.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('NOT_FOUND');
    }
  });
});

describe('HSDS API: bad parameters', () => {
  it.each([
    ['/organizations?per_page=100000', 'per_page'],
    ['/organizations?per_page=0', 'per_page'],
    ['/services?page=-1', 'page'],
    ['/services?page=abc', 'page'],
    ['/services?modified_after=yesterday', 'modified_after'],
    ['/services?modified_after=2026-02-31', 'modified_after'],
    ['/services?taxonomy_term_id=residential', 'taxonomy_term_id'],
    ['/service_at_locations?organization_id=42', 'organization_id'],
    ['/organizations?full_service=maybe', 'full_service'],
    ['/organizations?format=xml', 'format'],
    ['/services?page=1&page=2', 'page'],
    ['/service_at_locations?postcode=10000', 'postcode'],
  ])('%s answers 400 naming %s', async (path, parameter) => {
    const res = await api.get(path);
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/json');
    expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', parameter, message: expect.stringContaining(parameter) });
  });
});

describe('HSDS API: NDJSON', () => {
  it.each([
    ['/organizations?format=ndjson', '/organizations'],
    ['/organizations?format=ndjson&full_service=true', '/organizations'],
    ['/services?format=ndjson&full=true', '/services'],
    ['/service_at_locations?format=ndjson', '/service_at_locations'],
    ['/taxonomy_terms?format=ndjson', '/taxonomy_terms'],
    [`/services?format=ndjson&organization_id=ORG`, `/services?organization_id=ORG`],
  ])('%s streams every matching object, one per line', async (streamPath, listPath) => {
    const res = await api.get(streamPath.replace('ORG', ids.qendra.id));
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('application/x-ndjson');
    const lines = res.text.split('\n');
    expect(lines.pop()).toBe('');
    const objects = lines.map((l) => JSON.parse(l));
    const list = await api.get(listPath.replace('ORG', ids.qendra.id));
    expect(objects).toHaveLength(list.body.total_items);
    expect(new Set(objects.map((o) => o.id)).size).toBe(objects.length);
    // Streams from the database come in id order (keyset batches).
    if (!streamPath.startsWith('/taxonomy')) expect(objects.map((o) => o.id)).toEqual([...objects.map((o) => o.id)].sort());
  });
});

describe('HSDS streaming', () => {
  it('reads everything in keyset batches of bounded size, never the whole table at once', async () => {
    const reader = new HsdsReader(db.orm.em.fork(), await loadReferenceCatalog(db.orm.em.fork()));
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const batch of reader.stream('organizations', {}, 'full_service', 2)) {
      sizes.push(batch.length);
      ids.push(...batch.map((o) => o.id as string));
    }
    expect(sizes).toEqual([2, 1]);
    expect(ids).toEqual([ids[0], ids[1], ids[2]].sort());
    const services: number[] = [];
    for await (const batch of reader.stream('services', {}, 'basic', 2)) services.push(batch.length);
    expect(services).toEqual([2, 2, 1]);
  });
});

describe('HSDS statement budget', () => {
  it('a page of full organizations costs the same number of SQL statements whatever its size', async () => {
    const statements: string[] = [];
    let counting = false;
    db.orm.em.getConnection().getKnex().on('query', (q: { sql: string }) => {
      if (counting) statements.push(q.sql);
    });
    const reader = new HsdsReader(db.orm.em.fork(), await loadReferenceCatalog(db.orm.em.fork()));
    const cost = async (perPage: number, shape: 'full_service' | 'full' | 'basic', kind: 'organizations' | 'services' | 'service_at_locations') => {
      statements.length = 0;
      counting = true;
      const { contents } = await reader.page(kind, {}, 1, perPage, shape);
      counting = false;
      expect(contents).toHaveLength(perPage);
      return statements.length;
    };
    expect(await cost(1, 'full_service', 'organizations')).toBe(await cost(3, 'full_service', 'organizations'));
    expect(await cost(3, 'full_service', 'organizations')).toBeLessThanOrEqual(7);
    expect(await cost(1, 'full', 'services')).toBe(await cost(5, 'full', 'services'));
    expect(await cost(1, 'full', 'service_at_locations')).toBe(await cost(5, 'full', 'service_at_locations'));
  });
});
