import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../src/app/runtime';
import { type RunningServer, startServer } from '../../src/app/server';
import { loadConfig } from '../../src/core/config';
import { MOVES } from '../../src/merges/merge-moves';
import { MembershipRole, UserRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createDuplicates, gql, MERGE, UNMERGE, versionOf } from './merge-fixture';

/**
 * Merging duplicate organizations (src/merges/): what moves, what redirects, what drops out of the
 * public reads, the revisions on both records, the refusals, chains, and undoing a merge.
 */
let db: TestDatabase;
let api: TestApi;
let runtime: Runtime;
let server: RunningServer;
let moderator: TestAccount;
let seats: Parameters<typeof createDuplicates>[2];
let pair: { keptId: string; mergedId: string };
let bothMember: TestAccount;
let tagCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  runtime = await createRuntime({ config: loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent' }), logger: pino({ level: 'silent' }) });
  server = await startServer(runtime);
  const rows = await db.orm.em.fork().execute(`select code, seat_lat as lat, seat_lng as lng from municipality where code in ('prishtine', 'peje')`);
  seats = Object.fromEntries(rows.map((r: any) => [r.code, { lat: r.lat, lng: r.lng }])) as typeof seats;
  moderator = await createAccount(db.orm.em, { email: 'moderator@example.org', role: UserRole.MODERATOR });
  pair = await createDuplicates(db.orm.em, 'A', seats);
  await createAccount(db.orm.em, { email: 'owner-m@example.org', memberOf: [{ organizationId: pair.mergedId, role: MembershipRole.OWNER }] });
  bothMember = await createAccount(db.orm.em, {
    email: 'both@example.org',
    memberOf: [
      { organizationId: pair.keptId, role: MembershipRole.OWNER },
      { organizationId: pair.mergedId, role: MembershipRole.EDITOR },
    ],
  });
});
afterAll(async () => {
  await server?.close();
  await runtime?.close();
  await db?.close();
});

const PREVIEW = `query($k: ID!, $m: ID!) { organizationMergePreview(keptId: $k, mergedId: $m) {
  kept { id version } merged { id version } fields { field kept merged differs } revisions
  moves { services sites licences contracts memberships shortlistEntries claims invitations surveyInvitations surveyResponses surveyNotices } } }`;

async function mergeInput(keptId: string, mergedId: string, fields: { field: string; source: string }[] = []) {
  return { keptId, keptVersion: await versionOf(db.orm.em, keptId), mergedId, mergedVersion: await versionOf(db.orm.em, mergedId), fields };
}

async function merge(keptId: string, mergedId: string, fields: { field: string; source: string }[] = []) {
  return (await gql(api, MERGE, { input: await mergeInput(keptId, mergedId, fields) }, moderator.as)).mergeOrganizations;
}

const count = async (sql: string, params: unknown[]) => Number((await db.orm.em.fork().execute(sql, params))[0].n);
const owned = (table: string, column: string, id: string) => count(`select count(*) as n from ${table} where ${column} = ?`, [id]);

describe('merging duplicate organizations', () => {
  it('shows both records side by side and what would move', async () => {
    const { organizationMergePreview: p } = await gql(api, PREVIEW, { k: pair.keptId, m: pair.mergedId }, moderator.as);
    expect([p.kept.id, p.merged.id]).toEqual([pair.keptId, pair.mergedId]);
    const website = p.fields.find((f: any) => f.field === 'website');
    expect(website).toEqual({ field: 'website', kept: null, merged: 'https://paqja-A.example.org', differs: true });
    expect(p.fields.find((f: any) => f.field === 'legalForm').differs).toBe(false);
    expect(p.fields.map((f: any) => f.field)).not.toContain('verificationStatus');
    expect(p.moves).toMatchObject({ services: 1, sites: 1, licences: 1, contracts: 1, memberships: 2, claims: 0 });
  });

  it('moves everything to the kept record in one transaction, with the chosen fields, and dedupes a member of both', async () => {
    const keptVersion = await versionOf(db.orm.em, pair.keptId);
    const r = await merge(pair.keptId, pair.mergedId, [
      { field: 'registrationNumber', source: 'MERGED' },
      { field: 'website', source: 'MERGED' },
      { field: 'names.sq', source: 'KEPT' },
    ]);
    expect(r.userErrors).toEqual([]);
    expect(r.organization).toEqual({ id: pair.keptId, version: keptVersion + 1, registrationNumber: 'REG-A', website: 'https://paqja-A.example.org' });
    expect(r.merge).toMatchObject({ keptId: pair.keptId, mergedId: pair.mergedId, mergedName: 'Qendra e Paqes A', moved: { services: 1, sites: 1, licences: 1, contracts: 1, memberships: 1 } });
    expect(r.merge.dropped.memberships).toBe(1);
    for (const [table, column, n] of [['service', 'organization_id', 2], ['location', 'organization_id', 2], ['licence', 'organization_id', 2], ['contract', 'provider_id', 1], ['membership', 'organization_id', 2]] as const) {
      expect(await owned(table, column, pair.keptId), table).toBe(n);
      expect(await owned(table, column, pair.mergedId), table).toBe(0);
    }
    expect(await count('select count(*) as n from organization where id = ?', [pair.mergedId])).toBe(0);
    // The member of both keeps the kept record's membership (its role there: owner).
    const [membership] = await db.orm.em.fork().execute('select role from membership where user_id = ?', [bothMember.user.id]);
    expect(membership.role).toBe(MembershipRole.OWNER);
  });

  it('resolves the merged id everywhere: organization, node, the history and HSDS (a 301 to the kept URL)', async () => {
    const data = await gql(api, `query($id: ID!) { organization(id: $id) { id name } node(id: $id) { id __typename ... on Organization { name } } }`, { id: pair.mergedId });
    expect(data.organization.id).toBe(pair.keptId);
    expect(data.node).toMatchObject({ id: pair.keptId, __typename: 'Organization' });
    const res = await fetch(`${server.url}/hsds/organizations/${pair.mergedId}?full_service=true`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/hsds/organizations/${pair.keptId}?full_service=true`);
    const followed = await fetch(`${server.url}/hsds/organizations/${pair.mergedId}`);
    expect(followed.status).toBe(200);
    expect((await followed.json()).id).toBe(pair.keptId);
  });

  it('writes a MERGE revision on both records, and the kept record\'s history includes the merged one\'s', async () => {
    const revs = `query($id: ID!) { revisions(entityType: "Organization", entityId: $id) { edges { node { action reason changes { field old new } } } } }`;
    const merged = (await gql(api, revs, { id: pair.mergedId })).revisions.edges.map((e: any) => e.node);
    expect(merged[0].action).toBe('MERGE');
    expect(merged[0].changes).toContainEqual({ field: 'mergedInto', old: null, new: pair.keptId });
    const kept = (await gql(api, revs, { id: pair.keptId })).revisions.edges.map((e: any) => e.node);
    expect(kept[0].action).toBe('MERGE');
    expect(kept[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'registrationNumber', old: null, new: 'REG-A' },
        { field: 'mergedFrom', old: null, new: pair.mergedId },
      ]),
    );
    const history = await gql(api, `query($id: ID!) { organizationHistory(organizationId: $id, first: 100) { edges { node { entityId organizationId } } } }`, { id: pair.keptId });
    const owners = new Set(history.organizationHistory.edges.map((e: any) => e.node.organizationId));
    expect(owners).toEqual(new Set([pair.keptId, pair.mergedId]));
  });

  it('drops the merged record out of search, the map, coverage and exports', async () => {
    const search = await gql(api, `{ organizations(filter: { text: "Paqes" }) { totalCount edges { node { id } } } mapPoints { organizationId } }`, {});
    expect(search.organizations.edges.map((e: any) => e.node.id)).toEqual([]);
    const mapIds = new Set(search.mapPoints.map((p: any) => p.organizationId));
    expect(mapIds.has(pair.mergedId)).toBe(false);
    expect(mapIds.has(pair.keptId)).toBe(true);
    expect(await owned('coverage_provider', 'organization_id', pair.mergedId)).toBe(0);
    expect(await owned('service_reach', 'organization_id', pair.mergedId)).toBe(0);
    // The kept record now covers the merged one's municipality (Peja, residential).
    const coverage = await gql(api, `{ coverage(filter: { categories: ["residential"] }) { cells { municipality { code } providers } } }`, {});
    expect(coverage.coverage.cells.find((c: any) => c.municipality.code === 'peje').providers).toBe(1);
    const csv = await (await fetch(`${server.url}/export/organizations.csv`)).text();
    expect(csv).toContain(pair.keptId);
    expect(csv).not.toContain(pair.mergedId);
    const hsdsList = await (await fetch(`${server.url}/hsds/organizations?per_page=100`)).json();
    expect(hsdsList.contents.map((o: any) => o.id)).not.toContain(pair.mergedId);
  });

  it('refuses what cannot be merged, writing nothing', async () => {
    const fresh = await createDuplicates(db.orm.em, `R${tagCounter++}`, seats);
    const codes = async (input: Record<string, unknown>) => (await gql(api, MERGE, { input }, moderator.as)).mergeOrganizations.userErrors.map((e: any) => e.code);
    const base = await mergeInput(fresh.keptId, fresh.mergedId);
    expect(await codes({ ...base, mergedId: fresh.keptId })).toEqual(['INVALID_INPUT']);
    expect(await codes({ ...base, mergedId: pair.mergedId, mergedVersion: 1 })).toEqual(['INVALID_INPUT']);
    expect(await codes({ ...base, keptId: pair.mergedId, keptVersion: 1 })).toEqual(['INVALID_INPUT']);
    expect(await codes({ ...base, keptVersion: base.keptVersion - 1 })).toEqual(['STALE_VERSION']);
    expect(await codes({ ...base, mergedVersion: base.mergedVersion + 1 })).toEqual(['STALE_VERSION']);
    expect(await codes({ ...base, fields: [{ field: 'verificationStatus', source: 'MERGED' }] })).toEqual(['INVALID_INPUT']);
    expect(await codes({ ...base, mergedId: '00000000-0000-4000-8000-000000000000' })).toEqual(['NOT_FOUND']);
    expect(await owned('service', 'organization_id', fresh.mergedId)).toBe(1);
    expect(await versionOf(db.orm.em, fresh.keptId)).toBe(base.keptVersion);
    const anonymous = await gql(api, MERGE, { input: base });
    expect(anonymous.mergeOrganizations.userErrors.map((e: any) => e.code)).toEqual(['UNAUTHENTICATED']);
    const editor = await gql(api, MERGE, { input: base }, bothMember.as);
    expect(editor.mergeOrganizations.userErrors.map((e: any) => e.code)).toEqual(['FORBIDDEN']);
  });

  it('follows chains: A merged into B, then B into C, leaves A resolving to C; merging into a merged record is refused', async () => {
    const ab = await createDuplicates(db.orm.em, `C${tagCounter++}`, seats);
    const c = await createDuplicates(db.orm.em, `C${tagCounter++}`, seats);
    expect((await merge(ab.keptId, ab.mergedId)).userErrors).toEqual([]);
    expect((await merge(c.keptId, ab.keptId)).userErrors).toEqual([]);
    const data = await gql(api, `query($a: ID!, $b: ID!) { a: organization(id: $a) { id } b: node(id: $b) { id } }`, { a: ab.mergedId, b: ab.keptId });
    expect([data.a.id, data.b.id]).toEqual([c.keptId, c.keptId]);
    const intoMerged = await gql(api, MERGE, { input: { keptId: ab.keptId, keptVersion: 1, mergedId: c.mergedId, mergedVersion: await versionOf(db.orm.em, c.mergedId) } }, moderator.as);
    expect(intoMerged.mergeOrganizations.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'keptId'] });
    // Undoing the first merge waits for the second to be undone.
    const early = (await gql(api, UNMERGE, { id: ab.mergedId }, moderator.as)).unmergeOrganization;
    expect(early.userErrors.map((e: any) => e.code)).toEqual(['INVALID_INPUT']);
    expect((await gql(api, UNMERGE, { id: ab.keptId }, moderator.as)).unmergeOrganization.userErrors).toEqual([]);
    expect((await gql(api, UNMERGE, { id: ab.mergedId }, moderator.as)).unmergeOrganization.userErrors).toEqual([]);
    expect(await owned('service', 'organization_id', ab.mergedId)).toBe(1);
    expect(await owned('service', 'organization_id', ab.keptId)).toBe(1);
  });

  it('is undone by a moderator: the merged record is back with exactly what moved, and its id resolves to itself', async () => {
    const merges = await gql(api, `query($id: ID!) { organizationMerges(organizationId: $id) { mergedId mergedName } }`, { id: pair.keptId }, moderator.as);
    expect(merges.organizationMerges).toEqual([{ mergedId: pair.mergedId, mergedName: 'Qendra e Paqes A' }]);
    const r = (await gql(api, UNMERGE, { id: pair.mergedId }, moderator.as)).unmergeOrganization;
    expect(r.userErrors).toEqual([]);
    expect(r.organization).toMatchObject({ id: pair.mergedId, registrationNumber: 'REG-A' });
    expect(r.kept).toMatchObject({ id: pair.keptId, registrationNumber: null });
    for (const [table, column] of [['service', 'organization_id'], ['location', 'organization_id'], ['licence', 'organization_id'], ['contract', 'provider_id']] as const) {
      expect(await owned(table, column, pair.mergedId), table).toBe(1);
    }
    expect(await owned('membership', 'organization_id', pair.mergedId)).toBe(2);
    expect(await owned('membership', 'organization_id', pair.keptId)).toBe(1);
    const data = await gql(api, `query($id: ID!) { organization(id: $id) { id name } }`, { id: pair.mergedId });
    expect(data.organization).toEqual({ id: pair.mergedId, name: 'Qendra e Paqes A' });
    expect((await fetch(`${server.url}/hsds/organizations/${pair.mergedId}`, { redirect: 'manual' })).status).toBe(200);
    const revs = await gql(api, `query($id: ID!) { revisions(entityType: "Organization", entityId: $id) { edges { node { action } } } }`, { id: pair.mergedId });
    expect(revs.revisions.edges[0].node.action).toBe('UNMERGE');
    const again = (await gql(api, UNMERGE, { id: pair.mergedId }, moderator.as)).unmergeOrganization;
    expect(again.userErrors.map((e: any) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('refuses to undo a merge when what moved has changed since (a moved service deleted), writing nothing', async () => {
    const fresh = await createDuplicates(db.orm.em, `U${tagCounter++}`, seats);
    const moved = await db.orm.em.fork().execute('select id from service where organization_id = ?', [fresh.mergedId]);
    expect((await merge(fresh.keptId, fresh.mergedId)).userErrors).toEqual([]);
    await db.orm.em.fork().execute('delete from service where id = ?', [moved[0].id]);
    const r = (await gql(api, UNMERGE, { id: fresh.mergedId }, moderator.as)).unmergeOrganization;
    expect(r.userErrors.map((e: any) => e.code)).toEqual(['STALE_VERSION']);
    expect(r.userErrors[0].message).toContain('services');
    expect(await count('select count(*) as n from organization where id = ?', [fresh.mergedId])).toBe(0);
    expect((await gql(api, `query($id: ID!) { organization(id: $id) { id } }`, { id: fresh.mergedId })).organization.id).toBe(fresh.keptId);
  });

  it('moves every table that points at an organization (a new one must be added to MOVES)', async () => {
    const foreign = await db.orm.em.fork().execute(
      `select c.conrelid::regclass::text as "table", a.attname as "column" from pg_constraint c
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.confrelid = 'organization'::regclass order by 1, 2`,
    );
    const listed = MOVES.map((m) => ({ table: m.table, column: m.column })).sort((a, b) => a.table.localeCompare(b.table));
    expect(foreign.map((f: any) => ({ table: f.table.replace(/"/g, ''), column: f.column }))).toEqual(listed);
  });
});
