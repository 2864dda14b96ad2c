import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../src/demo/demo-generator';
import { createHsdsFixture, type HsdsServer, startHsdsServer } from '../test/hsds/hsds-fixture';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database';
import { check, compileStandard } from './support/standards';

/**
 * The walk the Open Referral UK validator does, over civimap's own OpenAPI document (GET /hsds/
 * openapi_url): every path, list and by id, each documented parameter with an example value, every
 * response against the schema its $ref names (resolved to the official files), and the paging
 * arithmetic of every page.
 */
const TERM = '/properties/attributes/items/properties/taxonomy_term';
function validatorFor(ref: string): ValidateFunction {
  const file = ref.split('/').pop()!;
  if (file === 'taxonomy_term.json') return compileStandard('hsds-3.0/organization.json', { dialect: '2020-12', closed: true, pointer: TERM });
  if (file === 'taxonomy.json') return compileStandard('hsds-3.0/organization.json', { dialect: '2020-12', closed: true, pointer: `${TERM}/properties/taxonomy_detail` });
  return compileStandard(`hsds-3.0/${file}`, { dialect: '2020-12', closed: true });
}

let db: TestDatabase;
let api: HsdsServer;
let doc: any;

beforeAll(async () => {
  db = await createTestDatabase();
  await generateDemoData(db.orm.em.fork(), { organizations: 12, seed: 3 });
  await createHsdsFixture(db.orm.em.fork());
  api = await startHsdsServer(db.orm);
  const root = await api.get('/');
  const path = new URL(root.body.openapi_url).pathname.replace(/^\/hsds/, '');
  doc = (await api.get(path)).body;
}, 300_000);
afterAll(async () => {
  await api?.close();
  await db?.close();
});

function pagingProblems(body: any, perPage: number, page: number): string[] {
  const problems: string[] = [];
  const expectedPages = Math.ceil(body.total_items / perPage);
  if (body.total_pages !== expectedPages) problems.push(`total_pages ${body.total_pages}, expected ${expectedPages}`);
  if (body.page_number !== page) problems.push(`page_number ${body.page_number}`);
  if (body.size !== body.contents.length) problems.push('size differs from the contents');
  const expectedSize = Math.max(0, Math.min(perPage, body.total_items - (page - 1) * perPage));
  if (body.size !== expectedSize) problems.push(`size ${body.size}, expected ${expectedSize}`);
  if (body.first_page !== (page === 1)) problems.push('first_page');
  if (body.last_page !== page >= expectedPages) problems.push('last_page');
  if (body.empty !== (body.size === 0)) problems.push('empty');
  return problems;
}

describe("civimap's HSDS OpenAPI document, walked", () => {
  it('is an OpenAPI 3.1 document of civimap (not the upstream template) whose parameter references all resolve', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toMatch(/civimap/);
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const p of [...(item.parameters ?? []), ...(item.get.parameters ?? [])]) {
        if (p.$ref) expect(doc.components.parameters[p.$ref.split('/').pop()], `${path} ${p.$ref}`).toBeDefined();
      }
    }
  });

  it('every list path, with no parameter and with each documented one, answers pages whose items validate and whose arithmetic holds', async () => {
    const lists = Object.keys(doc.paths).filter((p) => p !== '/' && !p.includes('{'));
    expect(lists.length).toBe(5);
    for (const path of lists) {
      const operation = doc.paths[path].get;
      const itemRef = operation.responses['200'].content['application/json'].schema.allOf[1].properties.contents.items.$ref;
      const validate = validatorFor(itemRef);
      const first = await api.get(`${path}?per_page=3`);
      expect(first.status, path).toBe(200);
      expect(pagingProblems(first.body, 3, 1), path).toEqual([]);
      for (const item of first.body.contents) expect(check(validate, item), `${path} item`).toBe('');
      const id = first.body.contents[0]?.id;
      for (const ref of operation.parameters) {
        const name = ref.$ref.split('/').pop();
        const parameter = doc.components.parameters[name];
        let value = parameter.example as string | undefined;
        if (!value && parameter.schema.format === 'uuid') value = name === 'organization_id' ? first.body.contents[0]?.organization_id ?? id : undefined;
        if (!value) continue;
        const extra = name === 'proximity' ? '&lat=42.66&lng=21.16' : name === 'lat' || name === 'lng' ? '&proximity=50000&lat=42.66&lng=21.16' : '';
        const query = name === 'lat' || name === 'lng' ? extra.slice(1) : `${name}=${encodeURIComponent(value)}${extra}`;
        const res = await api.get(`${path}?${query}${name === 'per_page' || name === 'page' ? '' : '&per_page=5'}`);
        expect(res.status, `${path}?${query}`).toBe(200);
        if (name === 'format') continue;
        const perPage = name === 'per_page' ? Number(value) : name === 'minimal' ? Math.max(res.body.total_items, 1) : name === 'page' ? 50 : 5;
        const page = name === 'page' ? Number(value) : 1;
        expect(pagingProblems(res.body, perPage, page), `${path}?${query}`).toEqual([]);
        if (name === 'minimal') continue;
        const full = name === 'full' || name === 'full_service';
        const v = full ? validatorFor(doc.paths[`${path}/{id}`].get.responses['200'].content['application/json'].schema.$ref) : validate;
        for (const item of res.body.contents) expect(check(v, item), `${path}?${query} item`).toBe('');
      }
    }
  });

  it('every by-id path answers the first listed object, valid against its schema, and 404 for an unknown id', async () => {
    for (const path of Object.keys(doc.paths).filter((p) => p.includes('{id}'))) {
      const list = path.replace('/{id}', '');
      const id = (await api.get(`${list}?per_page=1`)).body.contents[0].id;
      const res = await api.get(path.replace('{id}', id));
      expect(res.status, path).toBe(200);
      expect(check(validatorFor(doc.paths[path].get.responses['200'].content['application/json'].schema.$ref), res.body), path).toBe('');
      expect((await api.get(path.replace('{id}', '00000000-0000-4000-8000-000000000000'))).status, path).toBe(404);
    }
  });
});
