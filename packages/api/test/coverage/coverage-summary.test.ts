import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverageService } from '../../src/coverage/coverage.service';
import { FullCoverage } from '../../src/coverage/coverage-full';
import { COVERAGE_REBUILD_SQL, refreshCoverage } from '../../src/coverage/coverage-summary';
import type { CoverageFilter } from '../../src/coverage/coverage.types';
import { deleteDemoData } from '../../src/demo/demo-cleanup';
import { generateDemoData } from '../../src/demo/demo-generator';
import { CSV_COLUMNS } from '../../src/imports/csv-columns';
import { commitCsvImport, prepareCsvImport } from '../../src/imports/csv-import';
import { importHsds } from '../../src/imports/hsds-import';
import { loadReferenceCatalog } from '../../src/reference/reference-catalog';
import { MembershipRole, UserRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { type HsdsServer, startHsdsServer } from '../hsds/hsds-fixture';

/**
 * The coverage summary (kept by the write paths) must equal the full computation from the raw rows
 * (FullCoverage, what coverage computed before the summary) after every kind of write.
 */
let db: TestDatabase;
let api: TestApi;
let hsds: HsdsServer;
let owner: TestAccount;
let orgId: string;
let seat: { lat: number; lng: number };

const E = 'userErrors { field message code }';
const M = {
  updateOrganization: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id version } ${E} } }`,
  createService: `mutation($input: CreateServiceInput!) { createService(input: $input) { service { id version } ${E} } }`,
  updateService: `mutation($input: UpdateServiceInput!) { updateService(input: $input) { service { id version } ${E} } }`,
  deleteService: `mutation($id: ID!, $v: Int!) { deleteService(id: $id, version: $v) { deletedServiceId ${E} } }`,
  createLocation: `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id version } ${E} } }`,
  updateLocation: `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { id version } ${E} } }`,
  deleteLocation: `mutation($id: ID!, $v: Int!) { deleteLocation(id: $id, version: $v) { deletedLocationId ${E} } }`,
  revert: `mutation($id: ID!) { revertRevision(revisionId: $id) { revision { id } ${E} } }`,
};

async function ok(query: string, variables: Record<string, unknown>): Promise<any> {
  const r = await api.query(query, variables, owner.as);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  const payload = Object.values(r.data as object)[0] as { userErrors: unknown[] };
  expect(payload.userErrors).toEqual([]);
  return payload;
}

const FILTERS: CoverageFilter[] = [{}, { includeDemo: false }, { categories: ['residential', 'counselling.family'], regions: ['prishtine', 'prizren'] }];

/** Both reports as comparable plain cells (the nearest distance to 1e-9 km: the same site either way). */
async function reports(filter: CoverageFilter) {
  const em = db.orm.em.fork();
  const catalog = await loadReferenceCatalog(em);
  const now = new Date();
  const plain = (cells: any[]) =>
    cells.map((c) => ({
      cell: `${c.category.code}/${c.municipality.code}`,
      providers: c.providers,
      sites: c.sites,
      providersPer10k: c.providersPer10k,
      nearestSiteKm: c.nearestSiteKm === null ? null : Math.round(c.nearestSiteKm * 1e9),
    }));
  return {
    summary: plain((await new CoverageService(em, catalog).report(filter, now)).cells),
    full: plain((await new FullCoverage(em, catalog).report(filter, now)).cells),
  };
}

/** service_reach (the contractable search's start) holds what its definition gives from the current rows. */
async function expectReachCurrent(): Promise<void> {
  const em = db.orm.em.fork();
  const order = ' order by 1, 2, 3, 4';
  const kept = await em.execute(`select municipality_id, category_id, organization_id, service_id from service_reach${order}`);
  const definition = COVERAGE_REBUILD_SQL.reach.replace(/^insert into service_reach \([^)]*\)\s*/, '');
  expect(kept).toEqual(await em.execute(`select * from (${definition}) d${order}`));
}

async function expectSummaryEqualsFull(): Promise<{ providers: number; sites: number }> {
  await expectReachCurrent();
  let totals = { providers: 0, sites: 0 };
  for (const filter of FILTERS) {
    const { summary, full } = await reports(filter);
    expect(summary, JSON.stringify(filter)).toEqual(full);
    if (!Object.keys(filter).length) {
      totals = { providers: full.reduce((n, c) => n + c.providers, 0), sites: full.reduce((n, c) => n + c.sites, 0) };
    }
  }
  return totals;
}

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  hsds = await startHsdsServer(db.orm);
  const [row] = await db.orm.em.fork().execute(`select seat_lat as lat, seat_lng as lng from municipality where code = 'prishtine'`);
  seat = row as { lat: number; lng: number };
  const [org] = await createOrganizations(db.orm.em.fork(), [
    { sq: 'Qendra Mbulimi', sites: [{ municipality: 'prishtine', lat: seat.lat + 0.001, lng: seat.lng }] },
  ]);
  orgId = org.id;
  owner = await createAccount(db.orm.em, { email: 'owner@example.org', memberOf: [{ organizationId: orgId, role: MembershipRole.OWNER }] });
});
afterAll(async () => {
  await hsds?.close();
  await db?.close();
});

describe('the coverage summary equals the full computation', () => {
  it('after demo generation (batches in parallel transactions) and a fixture', async () => {
    await generateDemoData(db.orm.em.fork(), { organizations: 60, seed: 5, batchSize: 7 });
    const totals = await expectSummaryEqualsFull();
    expect(Number((await db.orm.em.fork().execute('select count(*) as n from service_reach'))[0].n)).toBeGreaterThan(50);
    expect(totals.providers).toBeGreaterThan(100);
    expect(totals.sites).toBeGreaterThan(100);
  });

  it('after create, update and delete of services and sites, a status change and a revert', async () => {
    const before = await expectSummaryEqualsFull();
    const service = (await ok(M.createService, { input: { organizationId: orgId, names: { sq: 'Strehim' }, categories: ['residential.elderly'], serviceArea: ['prizren'] } })).service;
    const created = await expectSummaryEqualsFull();
    expect(created.providers).toBeGreaterThan(before.providers);

    await ok(M.updateService, { input: { id: service.id, version: service.version, categories: ['counselling.family'], serviceArea: ['prishtine', 'peje'] } });
    await expectSummaryEqualsFull();

    const site = (await ok(M.createLocation, { input: { organizationId: orgId, municipality: 'prishtine', lat: seat.lat - 0.002, lng: seat.lng + 0.002 } })).location;
    await expectSummaryEqualsFull();
    await ok(M.updateLocation, { input: { id: site.id, version: site.version, lat: seat.lat + 0.003, lng: seat.lng - 0.001 } });
    await expectSummaryEqualsFull();

    const version = async () => (await db.orm.em.fork().execute(`select version from organization where id = ?`, [orgId]))[0].version as number;
    await ok(M.updateOrganization, { input: { id: orgId, version: await version(), status: 'CLOSED' } });
    const closed = await expectSummaryEqualsFull();
    expect(closed.providers).toBeLessThan(created.providers + 3);
    // Reverting the closure makes the organization a provider again.
    const [closure] = await db.orm.em.fork().execute(
      `select id from revision where entity_type = 'Organization' and entity_id = ? and action = 'UPDATE' order by created_at desc limit 1`,
      [orgId],
    );
    await ok(M.revert, { id: closure.id });
    const reverted = await expectSummaryEqualsFull();
    expect(reverted.providers).toBeGreaterThan(closed.providers);

    const [{ version: siteVersion }] = await db.orm.em.fork().execute(`select version from location where id = ?`, [site.id]);
    await ok(M.deleteLocation, { id: site.id, v: siteVersion });
    await expectSummaryEqualsFull();
    const [{ version: serviceVersion }] = await db.orm.em.fork().execute(`select version from service where id = ?`, [service.id]);
    await ok(M.deleteService, { id: service.id, v: serviceVersion });
    const deleted = await expectSummaryEqualsFull();
    expect(deleted.providers).toBeLessThan(reverted.providers);
  });

  it('after two writers change the same cells at the same moment', async () => {
    const [a, b] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Paralel A' }, { sq: 'Paralel B' }]);
    await db.orm.em.fork().execute(`insert into service (id, organization_id, name_sq) values (?, ?, 'A'), (?, ?, 'B')`, [randomUUID(), a.id, randomUUID(), b.id]);
    await db.orm.em.fork().execute(
      `insert into service_category_link (service_id, category_id) select s.id, c.id from service s, service_category c where s.organization_id in (?, ?) and c.code = 'community.home-care'`,
      [a.id, b.id],
    );
    await db.orm.em.fork().execute(`insert into service_area (service_id, municipality_id) select s.id, m.id from service s, municipality m where s.organization_id in (?, ?) and m.code = 'gjakove'`, [a.id, b.id]);
    await Promise.all([refreshCoverage(db.orm.em.fork(), [a.id]), refreshCoverage(db.orm.em.fork(), [b.id])]);
    await expectSummaryEqualsFull();
  });

  it('after a CSV import and an HSDS import', async () => {
    const em = db.orm.em.fork();
    const header = CSV_COLUMNS.map((c) => c.name);
    const line = (values: Record<string, string>) => header.map((h) => values[h] ?? '').join(',');
    const text = [
      header.join(','),
      line({ name_sq: 'Qendra CSV', municipality: 'prishtine', lat: String(seat.lat + 0.004), lng: String(seat.lng), service_name_sq: 'Këshillim', service_categories: 'counselling.psychosocial', service_area: 'ferizaj' }),
      line({ name_sq: 'Shoqata CSV', municipality: 'prishtine', service_name_sq: 'Kujdes', service_categories: 'community.home-care' }),
    ].join('\n');
    const prepared = await prepareCsvImport(em, await loadReferenceCatalog(em), text);
    expect(prepared.report.rows.map((r) => r.status)).toEqual(['valid', 'valid']);
    await commitCsvImport(db.orm.em.fork(), prepared);
    await expectSummaryEqualsFull();

    // Two demo organizations through the HSDS API and back in under new ids.
    const ids = (await db.orm.em.fork().execute(`select id from organization where is_demo order by id limit 2`)).map((r: any) => r.id);
    const records = [];
    for (const id of ids) records.push(fresh((await hsds.get(`/organizations/${id}?full_service=true`)).body));
    const report = await importHsds(db.orm.em.fork(), records, { dryRun: false });
    expect(report.committed).toBe(true);
    await expectSummaryEqualsFull();
  });

  it('after a merge of two organizations and its undoing', async () => {
    const moderator = await createAccount(db.orm.em, { email: 'coverage-moderator@example.org', role: UserRole.MODERATOR });
    const [kept, merged] = await db.orm.em.fork().execute(
      `select o.id, o.version from organization o where o.is_demo and exists (select 1 from location l where l.organization_id = o.id) order by o.id limit 2`,
    );
    const before = await expectSummaryEqualsFull();
    const input = { keptId: kept.id, keptVersion: kept.version, mergedId: merged.id, mergedVersion: merged.version, fields: [{ field: 'status', source: 'MERGED' }] };
    const merge = await api.query(`mutation($input: MergeOrganizationsInput!) { mergeOrganizations(input: $input) { userErrors { code message } } }`, { input }, moderator.as);
    expect(merge.data?.mergeOrganizations.userErrors).toEqual([]);
    await expectSummaryEqualsFull();
    const unmerge = await api.query(`mutation($id: ID!) { unmergeOrganization(mergedId: $id) { userErrors { code message } } }`, { id: merged.id }, moderator.as);
    expect(unmerge.data?.unmergeOrganization.userErrors).toEqual([]);
    expect(await expectSummaryEqualsFull()).toEqual(before);
  });

  it('after the demo data is deleted, and after a rebuild from nothing', async () => {
    await deleteDemoData(db.orm.em.fork());
    const left = await expectSummaryEqualsFull();
    expect(left.providers).toBeGreaterThan(0);
    await db.orm.em.fork().execute('truncate coverage_cell');
    await refreshCoverage(db.orm.em.fork());
    expect(await expectSummaryEqualsFull()).toEqual(left);
  });
});

/** A copy of an HSDS record with every id but the taxonomy's replaced by a fresh one (consistently). */
function fresh(record: any): any {
  const keep = new Set<string>();
  JSON.stringify(record, (key, value) => {
    if ((key === 'taxonomy_term_id' || key === 'taxonomy_id') && typeof value === 'string') keep.add(value);
    if (key === 'taxonomy_term' && value) keep.add(value.id);
    return value;
  });
  const map = new Map<string, string>();
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  return JSON.parse(JSON.stringify(record).replace(uuid, (id) => (keep.has(id) ? id : (map.get(id) ?? map.set(id, randomUUID()).get(id)!))));
}
