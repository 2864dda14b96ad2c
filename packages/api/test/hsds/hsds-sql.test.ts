import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/demo/demo-generator';
import { HsdsMapper } from '../../src/hsds/hsds-mapping';
import { HsdsStore } from '../../src/hsds/hsds-store';
import { HsdsVocabulary } from '../../src/hsds/hsds-vocabulary';
import { loadReferenceCatalog } from '../../src/reference/reference-catalog';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createHsdsFixture, type HsdsServer, startHsdsServer } from './hsds-fixture';

/**
 * The organizations PostgreSQL builds (hsds-sql.ts, streamed by COPY) are byte for byte what the
 * mapper in Node (hsds-mapping.ts over HsdsStore's rows) writes for the same rows: on the fixture,
 * on generated demo data, and on rows made to catch escaping, ordering and validity differences.
 */
let db: TestDatabase;
let api: HsdsServer;
let mapper: HsdsMapper;
let store: HsdsStore;

async function awkwardRows() {
  const em = db.orm.em.fork();
  const [o] = await em.execute(`select id from organization where not is_demo order by id limit 1`);
  await em.execute(
    `update organization set name_sq = ?, acronym = '', description_sq = ?, email = 'A.B+c@Example.ORG', website = ?, phone = '', registration_number = '' where id = ?`,
    ['Shoqata "Drita" \\ e\tRe\u0001 ☀ 𝄞', 'Rreshti 1\nRreshti 2\r\n\u2028 </script>', 'HTTP://Example.org/a?b=1#c', o.id],
  );
  const [other] = await em.execute(`select id from organization where not is_demo order by id desc limit 1`);
  await em.execute(`update organization set website = 'https://exa%mple.org', email = 'ana@exemple', status = 'CLOSED' where id = ?`, [other.id]);
  await em.execute(`update location set name = '', address = null, accessibility = '', opening_hours = 'Çdo ditë' where organization_id = ?`, [o.id]);
  await em.execute(
    `insert into revision (id, created_at, entity_type, entity_id, organization_id, author_id, action, changes, reason) values
       (gen_random_uuid(), '2026-03-01T10:00:00.5Z', 'organization', ?, ?, null, 'UPDATE', ?::jsonb, 'HSDS import; updated by: Besa'),
       (gen_random_uuid(), '2026-03-02T10:00:00Z', 'Organization', ?, ?, null, 'IMPORT', '[]'::jsonb, null),
       (gen_random_uuid(), '2026-03-03T10:00:00Z', 'Organization', ?, ?, null, 'UPDATE', '{"not": "a list"}'::jsonb, 'because')`,
    [
      o.id,
      o.id,
      JSON.stringify([
        { field: 'funding', old: { public: 40, other: [1, 2.5, true, null, 'x"y'] }, new: -0.25 },
        { field: 'isDemo', old: false, new: true },
        { old: 'a\\b', new: '' },
      ]),
      o.id,
      o.id,
      o.id,
      o.id,
    ],
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  await createHsdsFixture(db.orm.em.fork());
  await generateDemoData(db.orm.em.fork(), { organizations: 40, seed: 14 });
  await awkwardRows();
  const vocabulary = new HsdsVocabulary(await loadReferenceCatalog(db.orm.em.fork()));
  mapper = new HsdsMapper(vocabulary);
  store = new HsdsStore(db.orm.em.fork(), vocabulary);
  api = await startHsdsServer(db.orm);
}, 120_000);
afterAll(async () => {
  await api?.close();
  await db?.close();
});

/** Today's output: the mapper over the store's rows, in id order. */
async function mapped(shape: 'basic' | 'full' | 'full_service'): Promise<string[]> {
  const rows = await db.orm.em.fork().execute(`select id from organization order by id`);
  const ids = rows.map((r) => String(r.id));
  if (shape === 'basic') return (await store.organizations(ids)).map((o) => JSON.stringify(mapper.organizationBasic(o)));
  const bundles = await store.organizationBundles(ids);
  return bundles.map((b) => JSON.stringify(mapper.organizationFull(b, { fullServices: shape === 'full_service' })));
}

describe('HSDS organizations built in PostgreSQL', () => {
  it.each([
    ['basic', ''],
    ['full', 'full=true&'],
    ['full_service', 'full_service=true&'],
  ] as const)('the %s NDJSON export is byte-identical to the mapper', async (shape, query) => {
    const expected = await mapped(shape);
    expect(expected.length).toBeGreaterThan(40);
    const res = await api.get(`/organizations?${query}format=ndjson`);
    expect(res.status).toBe(200);
    expect(res.contentType).toBe('application/x-ndjson; charset=utf-8');
    const lines = res.text.split('\n');
    expect(lines.pop()).toBe('');
    // Line by line first, so that a difference names its organization.
    lines.forEach((line, i) => expect(line).toBe(expected[i]));
    expect(res.text).toBe(expected.map((l) => `${l}\n`).join(''));
  });

  it('the escaping rows are in the export as the mapper writes them', async () => {
    const text = (await api.get('/organizations?full_service=true&format=ndjson')).text;
    expect(text).toContain(JSON.stringify('Shoqata "Drita" \\ e\tRe\u0001 ☀ 𝄞'));
    expect(text).toContain('"website":"HTTP://Example.org/a?b=1#c"');
    expect(text).toContain('"updated_by":"Besa"');
    // jsonb keeps an object's keys by length, then bytewise: what the driver's JSON.parse of it gives too.
    expect(text).toContain(JSON.stringify(JSON.stringify({ other: [1, 2.5, true, null, 'x"y'], public: 40 })));
  });

  it('an organization by id and a page of organizations are the mapper objects', async () => {
    const expected = (await mapped('full_service')).map((l) => JSON.parse(l));
    const one = expected[3];
    const byId = await api.get(`/organizations/${one.id}?full_service=true`);
    expect(byId.status).toBe(200);
    expect(byId.text).toBe(JSON.stringify(one));
    const full = (await mapped('full')).map((l) => JSON.parse(l));
    expect((await api.get(`/organizations/${one.id}`)).text).toBe(JSON.stringify(full[3]));

    const page = await api.get('/organizations?full=true&per_page=7&page=2');
    expect(page.status).toBe(200);
    expect(page.body.contents).toHaveLength(7);
    const byIds = new Map(full.map((o) => [o.id, o]));
    for (const item of page.body.contents) expect(JSON.stringify(item)).toBe(JSON.stringify(byIds.get(item.id)));
  });

  it('filters apply to the COPY stream as to the pages', async () => {
    const page = await api.get('/organizations?search=qendra&per_page=100');
    const ids = page.body.contents.map((o: { id: string }) => o.id).sort();
    expect(ids.length).toBeGreaterThan(1);
    const search = await api.get('/organizations?search=qendra&format=ndjson');
    expect(search.text.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(ids);
    const later = await api.get('/organizations?modified_after=2099-01-01&format=ndjson');
    expect(later.status).toBe(200);
    expect(later.text).toBe('');
  });
});
