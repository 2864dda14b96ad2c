import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitHsdsImport, importHsds, prepareHsdsImport, readNdjson } from '../../src/imports/hsds-import';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createHsdsFixture, type HsdsServer, startHsdsServer } from './hsds-fixture';

/** Per-line validation of a deliberately broken HSDS file, and all-or-nothing writes. */
let a: TestDatabase;
let b: TestDatabase;
let apiA: HsdsServer;
let qendra: any;

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** A copy of a record with every id replaced by a fresh one (consistently, so links still hold). */
function fresh(record: any): any {
  const map = new Map<string, string>();
  // Taxonomy term and taxonomy ids are civimap's: keep them.
  const keep = new Set<string>();
  JSON.stringify(record, (key, value) => {
    if ((key === 'taxonomy_term_id' || key === 'taxonomy_id') && typeof value === 'string') keep.add(value);
    if (key === 'taxonomy_term' && value) keep.add(value.id);
    return value;
  });
  return JSON.parse(JSON.stringify(record).replace(UUIDS, (id) => (keep.has(id) ? id : (map.get(id) ?? map.set(id, randomUUID()).get(id)!))));
}

const orgCount = async (db: TestDatabase) => (await db.orm.em.fork().execute('select count(*)::int as n from organization'))[0].n as number;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  const ids = await createHsdsFixture(a.orm.em.fork());
  apiA = await startHsdsServer(a.orm);
  qendra = (await apiA.get(`/organizations/${ids.qendra.id}?full_service=true`)).body;
  // B starts with Qendra (imported): the registry the broken file is checked against.
  const report = await importHsds(b.orm.em.fork(), [qendra], { dryRun: false });
  expect(report.summary.valid).toBe(1);
});
afterAll(async () => {
  await apiA?.close();
  await Promise.all([a?.close(), b?.close()]);
});

type Case = [code: string, path: string, make: (r: any) => any];

function variant(i: number, change: (r: any) => void): any {
  const r = fresh(qendra);
  r.name = `Organizata ${i}`;
  r.organization_identifiers[0].identifier = `REG-${i}`;
  change(r);
  return r;
}

const helpline = (r: any) => r.services.find((s: any) => s.service_at_locations.length === 2);
const attribute = (owner: any, code: string) => owner.attributes.find((x: any) => x.link_type === code);

const CASES: Case[] = [
  ['NOT_AN_OBJECT', '', () => [1, 2, 3]],
  ['REQUIRED', 'id', (r) => delete r.id],
  ['INVALID_UUID', 'id', (r) => (r.id = 'org-1')],
  ['REQUIRED', 'name', (r) => delete r.name],
  ['BLANK', 'name', (r) => (r.name = '   ')],
  ['NOT_A_STRING', 'name', (r) => (r.name = 42)],
  ['CONTROL_CHARACTER', 'name', (r) => (r.name = 'Emri\u0007')],
  ['REQUIRED', 'description', (r) => delete r.description],
  ['TOO_LONG', 'description', (r) => (r.description = 'x'.repeat(10_001))],
  ['INVALID_EMAIL', 'email', (r) => (r.email = 'info at example.org')],
  ['INVALID_URL', 'website', (r) => (r.website = 'ftp://files.example.org')],
  ['INVALID_YEAR', 'year_incorporated', (r) => (r.year_incorporated = 2999)],
  ['UNKNOWN_LEGAL_STATUS', 'legal_status', (r) => (r.legal_status = 'company')],
  ['INVALID_PERCENTAGE', 'funding[0].source', (r) => (r.funding[0].source = 'Public sources: 140%')],
  ['INVALID_PHONE', 'phones[0].number', (r) => (r.phones[0].number = 'call us')],
  ['REQUIRED', 'locations[0].latitude', (r) => delete r.locations[0].latitude],
  ['NOT_A_NUMBER', 'locations[0].longitude', (r) => (r.locations[0].longitude = 'east')],
  ['OUTSIDE_KOSOVO', 'locations[0].latitude', (r) => Object.assign(r.locations[0], { latitude: 44.8, longitude: 20.46 })],
  ['OUTSIDE_MUNICIPALITY', 'locations[0].latitude', (r) => (r.locations[0].addresses[0].city = 'Dragash')],
  ['UNKNOWN_MUNICIPALITY', 'locations[0].addresses[0].city', (r) => (r.locations[0].addresses[0].city = 'Atlantis')],
  ['OUTSIDE_KOSOVO', 'locations[0].addresses[0].country', (r) => (r.locations[0].addresses[0].country = 'AL')],
  ['UNSUPPORTED_LOCATION_TYPE', 'locations[0].location_type', (r) => (r.locations[0].location_type = 'virtual')],
  ['MISSING_ADDRESS', 'locations[0].addresses', (r) => (r.locations[0].addresses = [])],
  ['INVALID_STATUS', 'services[0].status', (r) => (r.services[0].status = 'open')],
  ['UNKNOWN_TAXONOMY_TERM', 'services[0].attributes[0].taxonomy_term_id', (r) => {
    const first = r.services[0].attributes[0];
    first.taxonomy_term_id = randomUUID();
    delete first.taxonomy_term;
  }],
  ['NO_CATEGORY', 'services[0].attributes', (r) => (r.services[0].attributes = r.services[0].attributes.filter((x: any) => x.link_type !== 'civimap-service-categories'))],
  ['UNKNOWN_LOCATION', 'services[0].service_at_locations[0].location_id', (r) => (r.services[0].service_at_locations[0].location_id = randomUUID())],
  ['MISMATCHED_ORGANIZATION', 'services[0].organization_id', (r) => (r.services[0].organization_id = randomUUID())],
  ['INVALID_LANGUAGE', 'services[0].languages[0].code', (r) => {
    const shelter = r.services.find((s: any) => s.languages);
    r.services = [shelter, ...r.services.filter((s: any) => s !== shelter)];
    shelter.languages[0].code = 'Albanian';
  }],
  ['UNKNOWN_MUNICIPALITY', 'services[0].service_areas[0].name', (r) => Object.assign(r.services[0].service_areas[0], { name: 'Gotham', uri: undefined })],
  ['INVALID_DATE', 'services[0].last_modified', (r) => (r.services[0].last_modified = 'yesterday')],
  ['INVALID_NUMBER', 'attributes[?].value', (r) => (attribute(r, 'staff-count').value = 'many')],
  ['UNKNOWN_STATUS', 'attributes[?].value', (r) => (attribute(r, 'organization-status').value = 'sleeping')],
  ['INVALID_DATE', 'attributes[?].value', (r) => (attribute(r, 'registration-date').value = '2020-02-30')],
  ['INVALID_DATE', 'metadata[0].last_action_date', (r) => (r.metadata[0].last_action_date = 'soon')],
  ['MISMATCHED_RESOURCE', 'metadata[0].resource_id', (r) => (r.metadata[0].resource_id = randomUUID())],
  ['REPEATED_ID', 'services[1].id', (r) => {
    r.services[1].id = r.services[0].id;
    delete r.services[1].metadata;
    for (const sal of r.services[1].service_at_locations) sal.service_id = r.services[0].id;
  }],
  ['ID_EXISTS', 'services[0].id', (r) => {
    r.services[0].id = qendra.services[0].id;
    delete r.services[0].metadata;
    for (const sal of r.services[0].service_at_locations) sal.service_id = qendra.services[0].id;
  }],
  ['DUPLICATE_REGISTRATION', 'organization_identifiers', (r) => (r.organization_identifiers[0].identifier = '5112345-6')],
  ['DUPLICATE_NAME', 'name', (r) => (r.name = 'QENDRA PER MBROJTJEN E FEMIJEVE')],
  ['DUPLICATE_ID', 'id', () => qendra],
];

describe('HSDS import: validation per line', () => {
  let text: string;
  const VALID_LINES = [2, 3];

  beforeAll(() => {
    const records = CASES.map(([code, , make], i) => {
      const r = variant(i, () => undefined);
      const made = make(r);
      // Most cases change the record in place; two replace it (not an object; an organization already in the registry).
      return code === 'NOT_AN_OBJECT' || made === qendra ? made : r;
    });
    text = [
      '{"id": "not closed"',
      JSON.stringify(variant(100, () => undefined)),
      // A city name without diacritics is fine.
      JSON.stringify(variant(101, (r) => (r.locations.find((l: any) => l.addresses[0].city === 'Prishtinë').addresses[0].city = 'prishtine'))),
      ...records.map((r) => JSON.stringify(r)),
      JSON.stringify(variant(102, (r) => (r.organization_identifiers[0].identifier = 'REG-100'))),
      JSON.stringify(variant(103, (r) => (r.name = 'Organizata 100'))),
    ].join('\n');
  });

  it(`reports, per line, the field path and a clear message for ${CASES.length + 2} kinds of mistakes; valid lines pass`, async () => {
    const before = await orgCount(b);
    const report = await importHsds(b.orm.em.fork(), readNdjson(text));
    expect(report.dryRun).toBe(true);
    const byLine = new Map(report.rows.map((r) => [r.line, r]));
    expect(byLine.get(1)!.errors[0]).toMatchObject({ line: 1, path: '', code: 'INVALID_JSON' });
    for (const line of VALID_LINES) expect(byLine.get(line), `line ${line}`).toMatchObject({ status: 'valid', errors: [] });
    CASES.forEach(([code, path], i) => {
      const row = byLine.get(i + 4)!;
      const pattern = new RegExp(`^${path.replace(/[.[\]]/g, '\\$&').replace('\\[?\\]', '\\[\\d+\\]')}$`);
      const match = row.errors.find((e) => e.code === code && pattern.test(e.path));
      expect(match, `line ${row.line}: expected ${code} at ${path}; got ${JSON.stringify(row.errors)}`).toBeDefined();
      expect(match!.message.length).toBeGreaterThan(10);
      expect(row.status).toBe(code.startsWith('DUPLICATE') ? 'duplicate' : 'invalid');
    });
    const sameRegistration = byLine.get(CASES.length + 4)!;
    expect(sameRegistration.errors.map((e) => [e.code, e.path])).toEqual([['DUPLICATE_IN_FILE', 'organization_identifiers']]);
    const sameName = byLine.get(CASES.length + 5)!;
    expect(sameName).toMatchObject({ status: 'valid', warnings: [expect.objectContaining({ code: 'POSSIBLE_DUPLICATE_IN_FILE', path: 'name' })] });
    const kinds = new Set(report.rows.flatMap((r) => r.errors.map((e) => e.code)));
    expect(kinds.size).toBeGreaterThanOrEqual(20);
    expect(report.summary).toMatchObject({ total: CASES.length + 5, valid: 3 });
    expect(await orgCount(b)).toBe(before);
  });

  it('unknown properties are imported as nothing, with a warning that says so', async () => {
    const r = variant(200, (x) => {
      x.contacts = [{ id: randomUUID(), name: 'Ana' }];
      x.services[0].fees_description = 'Call for prices';
    });
    const report = await importHsds(b.orm.em.fork(), [r]);
    expect(report.rows[0].status).toBe('valid');
    expect(report.rows[0].warnings.map((w) => [w.code, w.path])).toEqual(
      expect.arrayContaining([
        ['IGNORED', 'contacts'],
        ['IGNORED', 'services[0].fees_description'],
      ]),
    );
  });

  it('commit writes every valid line and nothing of the others, in one transaction', async () => {
    const before = await orgCount(b);
    const report = await importHsds(b.orm.em.fork(), readNdjson(text), { dryRun: false });
    expect(report).toMatchObject({ committed: true, written: { organizations: 3 } });
    expect(await orgCount(b)).toBe(before + 3);
    const names = (await b.orm.em.fork().execute(`select name_sq from organization order by name_sq`)).map((r: any) => r.name_sq);
    expect(names).toEqual(expect.arrayContaining(['Organizata 100', 'Organizata 101']));
    expect(names).not.toContain('Organizata 102');
    const [{ n }] = await b.orm.em.fork().execute(`select count(*)::int as n from revision where action = 'IMPORT'`);
    expect(n).toBe(4);
  });

  it('an error while writing leaves nothing written', async () => {
    const records = [variant(300, () => undefined), variant(301, () => undefined)];
    const prepared = await prepareHsdsImport(b.orm.em.fork(), records);
    expect(prepared.report.summary.valid).toBe(2);
    // Between the report and the commit, someone else takes the second record's service id.
    const clash = records[1].services[0].id;
    await b.orm.em.fork().execute(
      `insert into service (id, organization_id, name_sq) select ?, id, 'Tjetër' from organization where name_sq = 'Organizata 100' limit 1`,
      [clash],
    );
    const before = await orgCount(b);
    await expect(commitHsdsImport(b.orm.em.fork(), prepared)).rejects.toThrow();
    expect(await orgCount(b)).toBe(before);
    const [{ n }] = await b.orm.em.fork().execute(`select count(*)::int as n from organization where name_sq in ('Organizata 300', 'Organizata 301')`);
    expect(n).toBe(0);
  });
});
