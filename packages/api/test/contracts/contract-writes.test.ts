import { parse } from 'csv-parse/sync';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../../src/users/user.enums';
import { loadConfig } from '../../src/core/config';
import { createRuntime, type Runtime } from '../../src/app/runtime';
import { type RunningServer, startServer } from '../../src/app/server';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
let officer: TestAccount;
let otherOfficer: TestAccount;
let admin: TestAccount;
let providerId: string;
let secondId: string;

const E = '{ field message code }';
const RECORD = `mutation($input: RecordContractInput!) { recordContract(input: $input) { contract { id version amount categories { code } authority { code } provider { id contracts { id } } } userErrors ${E} } }`;
const UPDATE = `mutation($input: UpdateContractInput!) { updateContract(input: $input) { contract { id version amount status } userErrors ${E} } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  const [provider, second] = await createOrganizations(db.orm.em.fork(), [
    { sq: 'Strehimorja', sites: [{ municipality: 'prishtine', lat: 42.66, lng: 21.16 }], services: [{ name: 'S', categories: ['residential.elderly'] }] },
    { sq: 'Këshillimorja', sites: [{ municipality: 'peje', lat: 42.66, lng: 20.29 }] },
  ]);
  providerId = provider.id;
  secondId = second.id;
  officer = await createAccount(db.orm.em, { email: 'officer@mun.example.org', role: UserRole.AUTHORITY_OFFICER });
  otherOfficer = await createAccount(db.orm.em, { email: 'other@mun.example.org', role: UserRole.AUTHORITY_OFFICER });
  admin = await createAccount(db.orm.em, { email: 'admin@example.org', role: UserRole.ADMIN });
  await db.orm.em.fork().execute(`update app_user set authority_id = (select id from public_authority where code = 'municipality-prishtine') where id = ?`, [officer.user.id]);
  await db.orm.em.fork().execute(`update app_user set authority_id = (select id from public_authority where code = 'ministry-health') where id = ?`, [otherOfficer.user.id]);
});
afterAll(() => db?.close());

const revisions = async (entityId: string) =>
  (await db.orm.em.fork().execute(`select action, changes from revision where entity_type = 'Contract' and entity_id = ? order by created_at`, [entityId])) as { action: string; changes: any[] }[];

describe('contracts: record and update', () => {
  let contractId: string;
  let version: number;

  it('an officer records a contract of their authority; it shows in the provider\'s history, with a revision', async () => {
    const r = await api.query(RECORD, { input: { authority: 'municipality-prishtine', provider: providerId, categories: ['residential.elderly'], modality: 'SOCIAL_SERVICES_CONTRACT', amount: 12500.5, startDate: '2026-01-01', endDate: '2026-12-31', awardDate: '2025-12-10', reference: 'KP-2025-14', url: 'https://prishtinaonline.example.org/kp-2025-14' } }, officer.as);
    expect(r.data.recordContract.userErrors).toEqual([]);
    const contract = r.data.recordContract.contract;
    expect(contract).toMatchObject({ amount: 12500.5, authority: { code: 'municipality-prishtine' }, categories: [{ code: 'residential.elderly' }] });
    expect(contract.provider.contracts.map((c: any) => c.id)).toContain(contract.id);
    contractId = contract.id;
    version = contract.version;
    const log = await revisions(contractId);
    expect(log).toHaveLength(1);
    expect(log[0].action).toBe('CREATE');
    expect(log[0].changes.map((c) => c.field)).toEqual(expect.arrayContaining(['amount', 'authority', 'categories', 'provider']));
  });

  it('refuses another authority\'s contract for an officer, but not for an administrator', async () => {
    const input = { authority: 'ministry-justice', provider: providerId, categories: ['residential'], modality: 'GRANT' };
    const refused = await api.query(RECORD, { input }, officer.as);
    expect(refused.data.recordContract.userErrors[0]).toMatchObject({ code: 'FORBIDDEN', field: ['input', 'authority'] });
    const updateByOther = await api.query(UPDATE, { input: { id: contractId, version, amount: 1 } }, otherOfficer.as);
    expect(updateByOther.data.updateContract.userErrors[0].code).toBe('FORBIDDEN');
    const allowed = await api.query(RECORD, { input }, admin.as);
    expect(allowed.data.recordContract.userErrors).toEqual([]);
  });

  it.each([
    [{ categories: [] }, 'categories'],
    [{ categories: ['astrology'] }, 'categories'],
    [{ amount: -5 }, 'amount'],
    [{ amount: 1e12 }, 'amount'],
    [{ startDate: '2026-05-01', endDate: '2026-01-01' }, 'endDate'],
    [{ awardDate: '2999-01-01' }, 'awardDate'],
    [{ url: 'javascript:alert(1)' }, 'url'],
    [{ provider: '00000000-0000-4000-8000-000000000000' }, 'provider'],
    [{ reference: 'x'.repeat(1001) }, 'reference'],
  ])('refuses %j with a userError on %s and writes nothing', async (change, field) => {
    const [{ n: before }] = await db.orm.em.fork().execute('select count(*)::int as n from contract');
    const input = { authority: 'municipality-prishtine', provider: providerId, categories: ['residential'], modality: 'GRANT', ...change };
    const r = await api.query(RECORD, { input }, officer.as);
    expect(r.data.recordContract.contract).toBeNull();
    expect(r.data.recordContract.userErrors.map((e: any) => e.field.at(-1))).toContain(field);
    const [{ n: after }] = await db.orm.em.fork().execute('select count(*)::int as n from contract');
    expect(after).toBe(before);
  });

  it('updates with the current version, refuses a stale one, and records what changed', async () => {
    const ok = await api.query(UPDATE, { input: { id: contractId, version, amount: 13000, status: 'COMPLETED' } }, officer.as);
    expect(ok.data.updateContract.userErrors).toEqual([]);
    expect(ok.data.updateContract.contract).toMatchObject({ amount: 13000, status: 'COMPLETED' });
    expect(ok.data.updateContract.contract.version).toBe(version + 1);
    const stale = await api.query(UPDATE, { input: { id: contractId, version, amount: 1 } }, officer.as);
    expect(stale.data.updateContract.userErrors[0].code).toBe('STALE_VERSION');
    const log = await revisions(contractId);
    expect(log.map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
    expect(log[1].changes).toEqual([
      { field: 'amount', old: '12500.50', new: '13000.00' },
      { field: 'status', old: 'ACTIVE', new: 'COMPLETED' },
    ]);
  });
});

describe('shortlists', () => {
  let runtime: Runtime;
  let server: RunningServer;
  beforeAll(async () => {
    runtime = await createRuntime({ config: loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent' }), logger: pino({ level: 'silent' }) });
    server = await startServer(runtime);
  });
  afterAll(async () => {
    await server?.close();
    await runtime?.close();
  });

  const CREATE = `mutation($input: CreateShortlistInput!) { createShortlist(input: $input) { shortlist { id version name notes csvUrl entries { position note organization { id name } } } userErrors ${E} } }`;
  const EDIT = `mutation($input: UpdateShortlistInput!) { updateShortlist(input: $input) { shortlist { id version name notes entries { position note organization { id } } } userErrors ${E} } }`;

  it('save, rename, annotate, reorder; private to the owner; export CSV', async () => {
    const created = await api.query(CREATE, { input: { name: 'Strehim 2026', entries: [{ organization: providerId, note: 'licencë e vlefshme' }, { organization: secondId }] } }, officer.as);
    expect(created.data.createShortlist.userErrors).toEqual([]);
    const list = created.data.createShortlist.shortlist;
    expect(list.entries.map((e: any) => e.organization.id)).toEqual([providerId, secondId]);

    const renamed = await api.query(EDIT, { input: { id: list.id, version: list.version, name: 'Strehim 2026 (final)', notes: 'Për komisionin', entries: [{ organization: secondId, note: 'kapacitet i vogël' }, { organization: providerId }] } }, officer.as);
    expect(renamed.data.updateShortlist.userErrors, JSON.stringify(renamed.data.updateShortlist.userErrors)).toEqual([]);
    const updated = renamed.data.updateShortlist.shortlist;
    expect(updated).toMatchObject({ name: 'Strehim 2026 (final)', notes: 'Për komisionin' });
    expect(updated.entries.map((e: any) => [e.position, e.organization.id, e.note])).toEqual([[0, secondId, 'kapacitet i vogël'], [1, providerId, null]]);

    const stale = await api.query(EDIT, { input: { id: list.id, version: list.version, name: 'x' } }, officer.as);
    expect(stale.data.updateShortlist.userErrors[0].code).toBe('STALE_VERSION');
    const duplicate = await api.query(EDIT, { input: { id: list.id, version: updated.version, entries: [{ organization: secondId }, { organization: secondId }] } }, officer.as);
    expect(duplicate.data.updateShortlist.userErrors[0].code).toBe('INVALID_INPUT');

    const mine = await api.query('{ myShortlists { id name } }', {}, officer.as);
    expect(mine.data.myShortlists.map((l: any) => l.id)).toEqual([list.id]);
    const theirs = await api.query('{ myShortlists { id } }', {}, otherOfficer.as);
    expect(theirs.data.myShortlists).toEqual([]);
    const peek = await api.query(`{ shortlist(id: "${list.id}") { id } }`, {}, otherOfficer.as);
    expect(peek.data.shortlist).toBeNull();
    const edit = await api.query(EDIT, { input: { id: list.id, version: updated.version, name: 'mine now' } }, otherOfficer.as);
    expect(edit.data.updateShortlist.userErrors[0].code).toBe('NOT_FOUND');

    const url = `${server.url}${list.csvUrl}`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: `Bearer ${otherOfficer.token}` } })).status).toBe(404);
    const csv = await fetch(url, { headers: { authorization: `Bearer ${officer.token}` } });
    expect(csv.status).toBe(200);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(csv.headers.get('content-disposition')).toMatch(new RegExp(`filename="civimap-shortlist-${list.id}-\\d{4}-\\d{2}-\\d{2}\\.csv"`));
    expect(text.startsWith('\uFEFFposition,organization_id,')).toBe(true);
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r: any) => [r.position, r.organization_id, r.note])).toEqual([['1', secondId, 'kapacitet i vogël'], ['2', providerId, '']]);
    expect(rows[1].municipalities).toBe('prishtine');
  });
});
