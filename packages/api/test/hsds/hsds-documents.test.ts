import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HsdsMapper } from '../../src/hsds/hsds-mapping';
import { HsdsReader } from '../../src/hsds/hsds-reader';
import { HsdsStore } from '../../src/hsds/hsds-store';
import { HsdsVocabulary } from '../../src/hsds/hsds-vocabulary';
import { loadReferenceCatalog } from '../../src/reference/reference-catalog';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createHsdsFixture, type HsdsServer, startHsdsServer } from './hsds-fixture';

/**
 * Stored HSDS documents (hsds_document): served while current, never once a write has changed what
 * they show. Each case stores every document, replaces the stored text by a marker (so that a line
 * served from the store is recognisable), writes, and exports: the organizations the write touched
 * come out built afresh, equal to the mapper's; the others come from the store.
 */
let db: TestDatabase;
let api: HsdsServer;
let reader: HsdsReader;
let mapper: HsdsMapper;
let store: HsdsStore;
let ids: { qendra: string; shpresa: string; demo: string };
const MARK = '{"stored":true}';

beforeAll(async () => {
  db = await createTestDatabase();
  const { qendra, shpresa, demo } = await createHsdsFixture(db.orm.em.fork());
  ids = { qendra: qendra.id, shpresa: shpresa.id, demo: demo.id };
  const catalog = await loadReferenceCatalog(db.orm.em.fork());
  reader = new HsdsReader(db.orm.em.fork(), catalog);
  mapper = new HsdsMapper(new HsdsVocabulary(catalog));
  store = new HsdsStore(db.orm.em.fork(), new HsdsVocabulary(catalog));
  // No refresh after each export here: the cases decide what is stored.
  api = await startHsdsServer(db.orm, { storeDocumentsAfterExport: false });
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

const sql = (text: string, params: unknown[] = []) => db.orm.em.fork().execute(text, params);

/** The export, as organization id → line. */
async function exported(): Promise<Map<string, string>> {
  const text = (await api.get('/organizations?full_service=true&format=ndjson')).text;
  const rows = await sql(`select id from organization order by id`);
  const lines = text.trim().split('\n');
  expect(lines).toHaveLength(rows.length);
  return new Map(rows.map((r, i) => [String(r.id), lines[i]]));
}

async function mapped(id: string): Promise<string> {
  const [bundle] = await store.organizationBundles([id]);
  return JSON.stringify(mapper.organizationFull(bundle, { fullServices: true }));
}

/** Stores every document and marks the stored text. */
async function storeAndMark() {
  await reader.refreshDocuments();
  await sql(`update hsds_document set doc = ?`, [MARK]);
}

async function expectFresh(touched: string[]) {
  const lines = await exported();
  for (const [id, line] of lines) {
    if (touched.includes(id)) expect(line).toBe(await mapped(id));
    else expect(line).toBe(MARK);
  }
}

describe('stored HSDS documents', () => {
  it('are stored by a refresh, served while current, and a refresh with nothing to do stores none', async () => {
    expect(await reader.refreshDocuments()).toBe(3);
    expect(await reader.refreshDocuments()).toBe(0);
    const lines = await exported();
    for (const [id, line] of lines) expect(line).toBe(await mapped(id));
    await sql(`update hsds_document set doc = ?`, [MARK]);
    expect([...(await exported()).values()]).toEqual([MARK, MARK, MARK]);
  });

  it('a document made with other SQL or reference data (another vocabulary) is not served', async () => {
    await storeAndMark();
    await sql(`update hsds_document set vocabulary = 'older' where organization_id = ?`, [ids.shpresa]);
    await expectFresh([ids.shpresa]);
  });

  it.each([
    ['the organization', `update organization set name_en = 'Hope' where id = $shpresa`, ['shpresa']],
    ['a service', `update service set eligibility = 'Të gjithë' where organization_id = $qendra and name_sq = 'Strehim për fëmijë'`, ['qendra']],
    ['a site', `update location set opening_hours = '24/7' where organization_id = $demo`, ['demo']],
    ['a category link', `delete from service_category_link where service_id in (select id from service where organization_id = $shpresa)`, ['shpresa']],
    ['a target group link', `delete from service_target_group where service_id in (select id from service where organization_id = $qendra)`, ['qendra']],
    ['a service area', `delete from service_area where service_id in (select id from service where organization_id = $demo)`, ['demo']],
    ['a service at a site', `delete from service_at_location where service_id in (select id from service where organization_id = $qendra)`, ['qendra']],
    ['a revision', `insert into revision (id, entity_type, entity_id, action, changes) select gen_random_uuid(), 'Location', id, 'UPDATE', '[]' from location where organization_id = $shpresa`, ['shpresa']],
    ['a service moving to another organization', `update service set organization_id = $demo where organization_id = $shpresa and name_sq = 'Kujdes në shtëpi'`, ['shpresa', 'demo']],
    ['a service deleted', `delete from service where organization_id = $demo`, ['demo']],
  ] as const)('a write to %s makes the organizations it shows in built afresh', async (_what, write, touched) => {
    await storeAndMark();
    await sql(write.replace(/\$(qendra|shpresa|demo)/g, (_m, key: keyof typeof ids) => `'${ids[key]}'`));
    await expectFresh(touched.map((key) => ids[key]));
  });

  it('renaming the author of a revision changes the documents whose change log names them', async () => {
    await storeAndMark();
    await sql(`update app_user set display_name = 'Ana K.' where display_name = 'Ana Krasniqi'`);
    await expectFresh([ids.qendra]);
    expect(await mapped(ids.qendra)).toContain('"updated_by":"Ana K."');
  });

  it('a document stored with an older generation (built before a write committed) is not served', async () => {
    await storeAndMark();
    await sql(`update hsds_document set generation = generation - 1 where organization_id = ?`, [ids.qendra]);
    await expectFresh([ids.qendra]);
  });
});
