import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../src/demo/demo-generator';
import { importHsds, readNdjson } from '../src/imports/hsds-import';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database';
import { createHsdsFixture, type HsdsServer, startHsdsServer } from '../test/hsds/hsds-fixture';
import { check, compileStandard, loadStandard } from './support/standards';

/**
 * Every object the /hsds API returns, for a registry filled by the demo generator (plus a fixture
 * using every mapped field and a change log), validates against the official HSDS 3.0 compiled
 * schemas, with every object closed (no property HSDS does not define); list responses carry the
 * paging fields of the OpenAPI file's Page schema.
 */
const HSDS = 'hsds-3.0';
const COMPILED_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/';

const schema = (file: string, pointer?: string) => compileStandard(`${HSDS}/${file}`, { dialect: '2020-12', closed: true, pointer });

let db: TestDatabase;
let api: HsdsServer;

beforeAll(async () => {
  db = await createTestDatabase();
  const generated = await generateDemoData(db.orm.em.fork(), { organizations: 60, seed: 1 });
  expect(generated.organizations).toBe(60);
  await createHsdsFixture(db.orm.em.fork());
  api = await startHsdsServer(db.orm);
}, 300_000);
afterAll(async () => {
  await api?.close();
  await db?.close();
});

async function ndjson(path: string): Promise<any[]> {
  const res = await api.get(path);
  expect(res.status, path).toBe(200);
  return res.text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

async function allPages(path: string): Promise<any[]> {
  const out: any[] = [];
  for (let page = 1; ; page++) {
    const res = await api.get(`${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`);
    expect(res.status, path).toBe(200);
    out.push(...res.body.contents);
    if (res.body.last_page) return out;
  }
}

function expectAllValid(validate: ReturnType<typeof schema>, objects: any[], what: string) {
  expect(objects.length, `${what}: nothing to check`).toBeGreaterThan(0);
  const failures = objects.map((o) => ({ id: o.id, errors: check(validate, o) })).filter((f) => f.errors);
  expect(failures.slice(0, 3), `${what}: ${failures.length} of ${objects.length} objects are invalid`).toEqual([]);
}

describe('HSDS 3.0 objects validate against the official compiled schemas', () => {
  it('organizations, full with full services (the NDJSON stream), against organization.json', async () => {
    const organizations = await ndjson('/organizations?format=ndjson&full_service=true');
    expect(organizations.some((o) => o.services.some((s: any) => s.service_at_locations.length))).toBe(true);
    expectAllValid(schema('organization.json'), organizations, 'organization (full_service)');
  });

  it('organizations by id, with and without full services, against organization.json', async () => {
    const ids = (await ndjson('/organizations?format=ndjson')).map((o) => o.id).slice(0, 15);
    const objects = [];
    for (const id of ids) {
      objects.push((await api.get(`/organizations/${id}`)).body, (await api.get(`/organizations/${id}?full_service=true`)).body);
    }
    expectAllValid(schema('organization.json'), objects, 'organization by id');
  });

  it('organization list items against organization_list.json', async () => {
    expectAllValid(schema('organization_list.json'), await allPages('/organizations'), 'organization list item');
  });

  it('services, full (stream and by id), against service.json; list items against service_list.json', async () => {
    const full = await ndjson('/services?format=ndjson&full=true');
    expectAllValid(schema('service.json'), full, 'service (full)');
    const byId = [];
    for (const s of full.slice(0, 20)) byId.push((await api.get(`/services/${s.id}`)).body);
    expectAllValid(schema('service.json'), byId, 'service by id');
    expectAllValid(schema('service_list.json'), await allPages('/services'), 'service list item');
  });

  it('service_at_locations, full and by id, against service_at_location.json; list items against service_at_location_list.json', async () => {
    const full = await ndjson('/service_at_locations?format=ndjson&full=true');
    expectAllValid(schema('service_at_location.json'), full, 'service_at_location (full)');
    const byId = [];
    for (const s of full.slice(0, 20)) byId.push((await api.get(`/service_at_locations/${s.id}`)).body);
    expectAllValid(schema('service_at_location.json'), byId, 'service_at_location by id');
    expectAllValid(schema('service_at_location_list.json'), await allPages('/service_at_locations'), 'service_at_location list item');
  });

  it('taxonomy terms and taxonomies against the taxonomy_term and taxonomy_detail definitions the compiled schemas embed', async () => {
    const termSchema = schema('organization.json', '/properties/attributes/items/properties/taxonomy_term');
    expectAllValid(termSchema, await allPages('/taxonomy_terms'), 'taxonomy term');
    const taxonomySchema = schema('organization.json', '/properties/attributes/items/properties/taxonomy_term/properties/taxonomy_detail');
    expectAllValid(taxonomySchema, await allPages('/taxonomies'), 'taxonomy');
  });
});

describe('HSDS list responses follow the OpenAPI file', () => {
  const openapi = loadStandard(`${HSDS}/openapi.json`);
  const page = openapi.components.schemas.Page;
  const pageFields: string[] = Object.keys(page.properties);

  it('the Page schema names the paging fields civimap answers with', () => {
    expect(pageFields).toEqual(expect.arrayContaining(['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty']));
  });

  it.each(['/organizations', '/services', '/service_at_locations', '/taxonomies', '/taxonomy_terms'])(
    '%s answers with every Page field, typed as the OpenAPI file says, and contents of its list schema',
    async (path) => {
      const response = openapi.paths[path].get.responses['200'].content['application/json'].schema;
      // The response schema: Page's properties (every one required: clients rely on all of them) plus contents.
      const itemsRef: string = response.properties.contents.items.$ref;
      const envelope = { ...page, required: [...pageFields, 'contents'], properties: { ...page.properties, contents: { type: 'array' } } };
      const validateEnvelope = compileStandard(`${HSDS}/openapi.json`, { dialect: '2020-12', pointer: '/components/schemas/Page' });
      for (const query of ['?per_page=7', '?per_page=7&page=2', '?per_page=100&page=999']) {
        const res = await api.get(`${path}${query}`);
        expect(res.status).toBe(200);
        expect(check(validateEnvelope, res.body)).toBe('');
        for (const field of envelope.required) expect(res.body, `${path}${query}: ${field}`).toHaveProperty(field);
        expect(Array.isArray(res.body.contents)).toBe(true);
        expect(res.body.size).toBe(res.body.contents.length);
        expect(res.body.empty).toBe(res.body.contents.length === 0);
        const perPage = Number(new URLSearchParams(query.slice(1)).get('per_page'));
        expect(res.body.total_pages).toBe(Math.ceil(res.body.total_items / perPage));
        expect(res.body.last_page).toBe(res.body.page_number >= res.body.total_pages);
      }
      if (itemsRef.startsWith(COMPILED_BASE)) {
        const file = itemsRef.slice(COMPILED_BASE.length);
        const res = await api.get(`${path}?per_page=100`);
        expectAllValid(schema(file), res.body.contents, `${path} contents (${file})`);
      }
    },
  );
});

describe('the checks catch mistakes', () => {
  it('a property HSDS does not define, a missing required property, a malformed uuid or email, a wrong status all fail', async () => {
    const [organization] = await ndjson('/organizations?format=ndjson&full_service=true');
    const validate = schema('organization.json');
    expect(check(validate, organization)).toBe('');
    const broken = (change: (o: any) => void) => {
      const copy = structuredClone(organization);
      change(copy);
      return check(validate, copy);
    };
    expect(broken((o) => (o.is_demo = true))).toContain('must NOT have additional properties: is_demo');
    expect(broken((o) => (o.locations[0].addresses[0].municipality = 'x'))).toContain('additional properties: municipality');
    expect(broken((o) => delete o.description)).toContain("must have required property 'description'");
    expect(broken((o) => (o.id = 'org-1'))).toContain('must match format "uuid"');
    expect(broken((o) => (o.email = 'not an email'))).toContain('must match format "email"');
    expect(broken((o) => (o.services[0].status = 'ACTIVE'))).toContain('must be equal to one of the allowed values');
    expect(broken((o) => (o.metadata[0].updated_by = null))).toContain('must be string');
  });
});

describe('HSDS round trip over the demo data', () => {
  it('everything as NDJSON, imported into an empty database, read again: the same bytes, valid again', async () => {
    const exported = await api.get('/organizations?full_service=true&format=ndjson');
    const lines = readNdjson(exported.text);
    const [{ count }] = await db.orm.em.fork().execute('select count(*)::int as count from organization');
    expect(lines).toHaveLength(count);
    const b = await createTestDatabase();
    const apiB = await startHsdsServer(b.orm);
    try {
      const report = await importHsds(b.orm.em.fork(), lines, { dryRun: false });
      expect(report.rows.filter((r) => r.errors.length).slice(0, 3)).toEqual([]);
      expect(report.written.organizations).toBe(count);
      const again = await apiB.get('/organizations?full_service=true&format=ndjson');
      expect(again.text === exported.text).toBe(true);
      expectAllValid(schema('organization.json'), readNdjson(again.text).map((l) => l.record), 'organization after the round trip');
    } finally {
      await apiB.close();
      await b.close();
    }
  });
});
