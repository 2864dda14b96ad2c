import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MembershipRole, UserRole } from '../../src/users/user.enums';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { createAccount, rowCounts, TEST_PASSWORD, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
let owner: TestAccount;
let moderator: TestAccount;
let admin: TestAccount;
let orgId: string;

const E = 'userErrors { field message code }';

interface RevisionRow {
  id: string;
  entity_type: string;
  entity_id: string;
  organization_id: string | null;
  author_id: string | null;
  action: string;
  changes: { field: string; old: unknown; new: unknown }[];
  reason: string | null;
}

/** Runs a write and returns the revisions it left, asserting exactly one per changed entity. */
async function revisionsOf(run: () => Promise<unknown>): Promise<RevisionRow[]> {
  const em = db.orm.em.fork();
  const [{ t }] = await em.execute(`select coalesce(max(created_at), '-infinity') as t, count(*) as n from revision`);
  const before = new Set((await em.execute<{ id: string }[]>('select id from revision')).map((r) => r.id));
  await run();
  const rows = (await db.orm.em.fork().execute<RevisionRow[]>('select * from revision order by created_at, id')).filter((r) => !before.has(r.id));
  const entities = rows.map((r) => `${r.entity_type}:${r.entity_id}`);
  expect(new Set(entities).size, `one revision per entity: ${entities.join(', ')}`).toBe(rows.length);
  void t;
  return rows;
}

async function ok(query: string, variables: Record<string, unknown>, as = owner.as): Promise<any> {
  const r = await api.query(query, variables, as);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  const payload = Object.values(r.data as object)[0] as { userErrors: unknown[] };
  expect(payload.userErrors).toEqual([]);
  return payload;
}

const changed = (r: RevisionRow) => r.changes.map((c) => c.field).sort();
const version = async (table: string, id: string) => (await db.orm.em.fork().execute(`select version from ${table} where id = ?`, [id]))[0].version as number;

const M = {
  updateOrganization: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { id version verification { status } } ${E} } }`,
  createService: `mutation($input: CreateServiceInput!) { createService(input: $input) { service { id version } ${E} } }`,
  updateService: `mutation($input: UpdateServiceInput!) { updateService(input: $input) { service { id version } ${E} } }`,
  deleteService: `mutation($id: ID!, $v: Int!) { deleteService(id: $id, version: $v) { deletedServiceId ${E} } }`,
  createLocation: `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id version } ${E} } }`,
  updateLocation: `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { id version } ${E} } }`,
  deleteLocation: `mutation($id: ID!, $v: Int!) { deleteLocation(id: $id, version: $v) { deletedLocationId ${E} } }`,
  createLicence: `mutation($input: CreateLicenceInput!) { createLicence(input: $input) { licence { id version verification { status } } ${E} } }`,
  updateLicence: `mutation($input: UpdateLicenceInput!) { updateLicence(input: $input) { licence { id version verification { status } } ${E} } }`,
  verify: `mutation($id: ID!, $v: Int!, $approve: Boolean!, $reason: String) { verifyOrganization(id: $id, version: $v, approve: $approve, reason: $reason) { organization { id version verification { status verifiedAt } } ${E} } }`,
  confirm: `mutation($id: ID!, $v: Int!) { confirmOrganizationCurrent(id: $id, version: $v) { organization { id version lastConfirmedAt } ${E} } }`,
  revert: `mutation($id: ID!) { revertRevision(revisionId: $id) { revision { id action reason changes { field old new } author { displayName } } ${E} } }`,
};

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra Burimi', verified: false }]);
  orgId = org.id;
  owner = await createAccount(db.orm.em, { email: 'owner@example.org', displayName: 'Owner Person', memberOf: [{ organizationId: orgId, role: MembershipRole.OWNER }] });
  moderator = await createAccount(db.orm.em, { email: 'mod@example.org', role: UserRole.MODERATOR, displayName: 'Moderator' });
  admin = await createAccount(db.orm.em, { email: 'admin@example.org', role: UserRole.ADMIN });
});
afterAll(async () => db?.close());

describe('every write path leaves exactly one revision per changed entity', () => {
  it('updateOrganization: one UPDATE with the changed fields only, author and time; a no-op writes nothing', async () => {
    const v = await version('organization', orgId);
    const [rev] = await revisionsOf(() => ok(M.updateOrganization, { input: { id: orgId, version: v, acronym: 'QB', website: 'https://qb.example.org' } }));
    expect(rev).toMatchObject({ entity_type: 'Organization', entity_id: orgId, organization_id: orgId, author_id: owner.user.id, action: 'UPDATE' });
    expect(rev.changes).toEqual([
      { field: 'acronym', old: null, new: 'QB' },
      { field: 'website', old: null, new: 'https://qb.example.org' },
    ]);
    const none = await revisionsOf(() => ok(M.updateOrganization, { input: { id: orgId, version: v + 1, acronym: 'QB' } }));
    expect(none).toEqual([]);
    expect(await version('organization', orgId)).toBe(v + 1);
  });

  it('createService, updateService (collections only still bump the version), deleteService', async () => {
    const [created] = await revisionsOf(async () => {
      await ok(M.createService, { input: { organizationId: orgId, names: { sq: 'Strehim' }, categories: ['counselling'], serviceArea: ['prishtine'] } });
    });
    expect(created).toMatchObject({ entity_type: 'Service', action: 'CREATE', organization_id: orgId });
    expect(created.changes).toEqual(expect.arrayContaining([{ field: 'serviceArea', old: null, new: ['prishtine'] }, { field: 'names.sq', old: null, new: 'Strehim' }]));
    const id = created.entity_id;
    const [updated] = await revisionsOf(() => ok(M.updateService, { input: { id, version: 1, serviceArea: ['prishtine', 'fushe-kosove', 'prishtine'] } }));
    expect(updated.changes).toEqual([{ field: 'serviceArea', old: ['prishtine'], new: ['fushe-kosove', 'prishtine'] }]);
    expect(await version('service', id)).toBe(2);
    const [deleted] = await revisionsOf(() => ok(M.deleteService, { id, v: 2 }));
    expect(deleted).toMatchObject({ entity_type: 'Service', entity_id: id, action: 'DELETE' });
    expect(deleted.changes.find((c) => c.field === 'names.sq')).toEqual({ field: 'names.sq', old: 'Strehim', new: null });
  });

  it('createLocation, updateLocation, and deleteLocation (which also changes the services delivered there: one revision each)', async () => {
    const [created] = await revisionsOf(() => ok(M.createLocation, { input: { organizationId: orgId, municipality: 'prishtine', lat: 42.66, lng: 21.16, name: 'Zyra' } }));
    expect(created).toMatchObject({ entity_type: 'Location', action: 'CREATE' });
    const locationId = created.entity_id;
    const [moved] = await revisionsOf(() => ok(M.updateLocation, { input: { id: locationId, version: 1, lat: 42.65, lng: 21.15 } }));
    expect(moved.changes).toEqual([
      { field: 'lat', old: 42.66, new: 42.65 },
      { field: 'lng', old: 21.16, new: 21.15 },
    ]);
    const service = (await ok(M.createService, { input: { organizationId: orgId, names: { sq: 'Këshillim' }, categories: ['counselling'], locationIds: [locationId] } })).service;
    const site2 = (await ok(M.createLocation, { input: { organizationId: orgId, municipality: 'prishtine', lat: 42.67, lng: 21.17 } })).location.id;
    const other = (await ok(M.createService, { input: { organizationId: orgId, names: { sq: 'Tjetër' }, categories: ['counselling'], locationIds: [site2] } })).service;
    const [gone] = await revisionsOf(() => ok(M.deleteService, { id: other.id, v: 1 }));
    expect(gone.changes).toContainEqual({ field: 'locations', old: [site2], new: null });
    const revisions = await revisionsOf(() => ok(M.deleteLocation, { id: locationId, v: 2 }));
    expect(revisions.map((r) => `${r.entity_type} ${r.action}`).sort()).toEqual(['Location DELETE', 'Service UPDATE']);
    expect(revisions.find((r) => r.entity_type === 'Service')!.changes).toEqual([{ field: 'locations', old: [locationId], new: [] }]);
    expect(await version('service', service.id)).toBe(2);
  });

  it('createLicence and updateLicence; a verified licence whose fields change is unverified again, in the same revision', async () => {
    const [created] = await revisionsOf(() =>
      ok(M.createLicence, { input: { organizationId: orgId, authority: 'Ministria', number: 'L-1', categories: ['counselling'], validFrom: '2024-01-01' } }),
    );
    expect(created).toMatchObject({ entity_type: 'Licence', action: 'CREATE' });
    const licenceId = created.entity_id;
    await db.orm.em.fork().execute(`update licence set verification_status = 'VERIFIED', verified_at = now() where id = ?`, [licenceId]);
    const [updated] = await revisionsOf(() => ok(M.updateLicence, { input: { id: licenceId, version: 1, validUntil: '2026-12-31' } }));
    expect(changed(updated)).toEqual(['validUntil', 'verificationStatus', 'verifiedAt']);
    expect(updated.changes.find((c) => c.field === 'verificationStatus')).toEqual({ field: 'verificationStatus', old: 'VERIFIED', new: 'UNVERIFIED' });
  });

  it('verifyOrganization: approval verifies the organization and its unverified licences (one revision each); rejection records its reason', async () => {
    const v = await version('organization', orgId);
    const rejected = await revisionsOf(() => ok(M.verify, { id: orgId, v, approve: false, reason: 'No registration number' }, moderator.as));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ action: 'VERIFY', reason: 'Rejected: No registration number', changes: [] });
    // A decision moves the version (so that of concurrent decisions exactly one wins): the next one
    // is taken on what the moderator now sees.
    const after = await version('organization', orgId);
    expect(after).toBeGreaterThan(v);
    const approved = await revisionsOf(() => ok(M.verify, { id: orgId, v: after, approve: true, reason: null }, moderator.as));
    expect(approved.map((r) => `${r.entity_type} ${r.action}`).sort()).toEqual(['Licence VERIFY', 'Organization VERIFY']);
    const org = approved.find((r) => r.entity_type === 'Organization')!;
    expect(changed(org)).toEqual(['verificationStatus', 'verifiedAt', 'verifiedBy']);
    expect(org.changes.find((c) => c.field === 'verifiedBy')!.new).toBe(moderator.user.id);
  });

  it('a change of registration fields resets verification, recorded in the same UPDATE revision', async () => {
    const v = await version('organization', orgId);
    const [rev] = await revisionsOf(() => ok(M.updateOrganization, { input: { id: orgId, version: v, registrationNumber: '5110001-1' } }));
    expect(changed(rev)).toEqual(['registrationNumber', 'verificationStatus', 'verifiedAt', 'verifiedBy']);
    const [after] = await db.orm.em.fork().execute('select verification_status, verified_at from organization where id = ?', [orgId]);
    expect(after).toEqual({ verification_status: 'UNVERIFIED', verified_at: null });
  });

  it('a licence added to or changed in a verified organization unverifies the organization too: one more revision, of the organization', async () => {
    await ok(M.verify, { id: orgId, v: await version('organization', orgId), approve: true }, moderator.as);
    const added = await revisionsOf(() =>
      ok(M.createLicence, { input: { organizationId: orgId, authority: 'Ministria', number: 'L-2', categories: ['counselling'], validFrom: '2025-01-01' } }),
    );
    expect(added.map((r) => `${r.entity_type} ${r.action}`).sort()).toEqual(['Licence CREATE', 'Organization UPDATE']);
    const org = added.find((r) => r.entity_type === 'Organization')!;
    expect(changed(org)).toEqual(['verificationStatus', 'verifiedAt', 'verifiedBy']);
    expect(org.reason).toBe('Licence L-2 added: to be verified again');
    await ok(M.verify, { id: orgId, v: await version('organization', orgId), approve: true }, moderator.as);
    const licenceId = added.find((r) => r.entity_type === 'Licence')!.entity_id;
    const edited = await revisionsOf(async () => ok(M.updateLicence, { input: { id: licenceId, version: await version('licence', licenceId), documentReference: 'Vendim nr. 12' } }));
    expect(edited.map((r) => `${r.entity_type} ${r.action}`).sort()).toEqual(['Licence UPDATE', 'Organization UPDATE']);
  });

  it('other profile fields do not touch verification', async () => {
    await ok(M.verify, { id: orgId, v: await version('organization', orgId), approve: true }, moderator.as);
    const [rev] = await revisionsOf(async () => ok(M.updateOrganization, { input: { id: orgId, version: await version('organization', orgId), phone: '+383 44 123 456' } }));
    expect(changed(rev)).toEqual(['phone']);
  });

  it('confirmOrganizationCurrent: one CONFIRM revision setting lastConfirmedAt', async () => {
    const [rev] = await revisionsOf(async () => ok(M.confirm, { id: orgId, v: await version('organization', orgId) }));
    expect(rev).toMatchObject({ action: 'CONFIRM', entity_type: 'Organization' });
    expect(changed(rev)).toEqual(['lastConfirmedAt']);
  });

  it('createOrganization: the organization and its owner\'s membership', async () => {
    const revisions = await revisionsOf(() => ok(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } ${E} } }`, { input: { names: { sq: 'E Re' } } }));
    expect(revisions.map((r) => `${r.entity_type} ${r.action}`).sort()).toEqual(['Membership CREATE', 'Organization CREATE']);
  });

  it('claimOrganization and decideClaim: the claim, then its decision and the new membership', async () => {
    const claimant = await createAccount(db.orm.em, { email: 'claimant@example.org' });
    const [claim] = await revisionsOf(() => ok(`mutation($id: ID!) { claimOrganization(organizationId: $id, message: "I run it") { claim { id } ${E} } }`, { id: orgId }, claimant.as));
    expect(claim).toMatchObject({ entity_type: 'OrganizationClaim', action: 'CREATE', organization_id: orgId });
    const decided = await revisionsOf(() =>
      ok(`mutation($id: ID!) { decideClaim(claimId: $id, approve: true) { claim { id status } ${E} } }`, { id: claim.entity_id }, moderator.as),
    );
    expect(decided.map((r) => `${r.entity_type} ${r.action}`).sort()).toEqual(['Membership CREATE', 'OrganizationClaim CLAIM_DECISION']);
  });

  it('inviteMember and acceptInvitation: the invitation, then its acceptance and the membership', async () => {
    const [invited] = await revisionsOf(() =>
      ok(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } ${E} } }`, { input: { organizationId: orgId, email: 'Colleague@Example.org' } }),
    );
    expect(invited).toMatchObject({ entity_type: 'Invitation', action: 'CREATE' });
    expect(JSON.stringify(invited.changes)).not.toContain('colleague@');
    const colleague = await createAccount(db.orm.em, { email: 'colleague@example.org' });
    const [mail] = await db.orm.em.fork().find(OutboxMessage, { recipient: 'colleague@example.org', kind: 'invitation' });
    const token = /Token: (\S+)/.exec(mail.body)![1];
    const accepted = await revisionsOf(() => ok(`mutation($t: String!) { acceptInvitation(token: $t) { membership { role } ${E} } }`, { t: token }, colleague.as));
    expect(accepted.map((r) => `${r.entity_type} ${r.action}`).sort()).toEqual(['Invitation UPDATE', 'Membership CREATE']);
  });

  it('register and setUserRole: the user\'s public fields only (no email, no password hash)', async () => {
    const [registered] = await revisionsOf(() =>
      ok(`mutation($input: RegisterInput!) { register(input: $input) { user { id } ${E} } }`, { input: { email: 'new@example.org', password: TEST_PASSWORD, displayName: 'Newcomer' } }, undefined as any),
    );
    expect(registered).toMatchObject({ entity_type: 'User', action: 'CREATE' });
    expect(JSON.stringify(registered.changes)).not.toMatch(/new@example|argon2/);
    const [promoted] = await revisionsOf(() =>
      ok(`mutation($id: ID!) { setUserRole(userId: $id, role: MODERATOR) { user { role } ${E} } }`, { id: registered.entity_id }, admin.as),
    );
    expect(promoted.changes).toEqual([{ field: 'role', old: 'EDITOR', new: 'MODERATOR' }]);
  });

  it('signing in and out and resetting a password change no registry record: no revision', async () => {
    const person = await createAccount(db.orm.em, { email: 'quiet@example.org' });
    const revisions = await revisionsOf(async () => {
      await ok(`mutation { signIn(input: { email: "quiet@example.org", password: "${TEST_PASSWORD}" }) { token ${E} } }`, {}, undefined as any);
      await ok(`mutation { signOut { ok ${E} } }`, {}, person.as);
      await ok(`mutation { requestPasswordReset(email: "quiet@example.org") { ok ${E} } }`, {}, undefined as any);
      const [mail] = await db.orm.em.fork().find(OutboxMessage, { recipient: 'quiet@example.org', kind: 'password-reset' });
      await ok(`mutation($t: String!) { resetPassword(token: $t, newPassword: "Silent new passphrase 1") { ok ${E} } }`, { t: /Token: (\S+)/.exec(mail.body)![1] }, undefined as any);
    });
    expect(revisions).toEqual([]);
  });

  it('a refused or invalid write leaves no revision and no row', async () => {
    const before = await rowCounts(db.orm.em);
    const v = await version('organization', orgId);
    const stranger = await createAccount(db.orm.em, { email: 'stranger@example.org' });
    const after = await rowCounts(db.orm.em);
    const attempts = [
      api.query(M.updateOrganization, { input: { id: orgId, version: v, website: 'javascript:alert(1)' } }, owner.as),
      api.query(M.updateOrganization, { input: { id: orgId, version: v - 1, acronym: 'OLD' } }, owner.as),
      api.query(M.updateOrganization, { input: { id: orgId, version: v, acronym: 'NOPE' } }, stranger.as),
      api.query(M.createService, { input: { organizationId: orgId, names: { sq: 'X' }, categories: ['no-such-category'] } }, owner.as),
      api.query(M.createLocation, { input: { organizationId: orgId, municipality: 'prishtine', lat: 45, lng: 21 } }, owner.as),
      api.query(M.createLicence, { input: { organizationId: orgId, authority: 'M', number: 'N', categories: ['counselling'], validFrom: '2025-01-01', validUntil: '2024-01-01' } }, owner.as),
      api.query(M.verify, { id: orgId, v, approve: true }, owner.as),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result.errors).toBeUndefined();
      expect((Object.values(result.data as object)[0] as any).userErrors.length).toBeGreaterThan(0);
    }
    expect(await rowCounts(db.orm.em)).toEqual({ ...before, app_user: before.app_user + 1, user_session: before.user_session + 1 });
    expect(after).toEqual({ ...before, app_user: before.app_user + 1, user_session: before.user_session + 1 });
  });
});

describe('revert', () => {
  let locationId: string;
  beforeEach(async () => {
    locationId = (await ok(M.createLocation, { input: { organizationId: orgId, municipality: 'prishtine', lat: 42.66, lng: 21.16, name: 'Zyra A' } })).location.id;
  });

  const lastRevision = async (entityId: string) =>
    (await api.query(`query($id: ID!) { revisions(entityType: "Location", entityId: $id, first: 1) { edges { node { id action } } } }`, { id: entityId })).data.revisions.edges[0]
      .node;

  it('applies the old values as a new REVERT revision, keeping later changes to other fields', async () => {
    await ok(M.updateLocation, { input: { id: locationId, version: 1, name: 'Zyra B' } });
    const rename = await lastRevision(locationId);
    await ok(M.updateLocation, { input: { id: locationId, version: 2, address: 'Rr. Nëna Terezë 1' } });
    const [rev] = await revisionsOf(async () => {
      const payload = await ok(M.revert, { id: rename.id });
      expect(payload.revision).toMatchObject({ action: 'REVERT', reason: `Revert of revision ${rename.id}`, author: { displayName: 'Owner Person' } });
    });
    expect(rev.changes).toEqual([{ field: 'name', old: 'Zyra B', new: 'Zyra A' }]);
    const [row] = await db.orm.em.fork().execute('select name, address, version from location where id = ?', [locationId]);
    expect(row).toEqual({ name: 'Zyra A', address: 'Rr. Nëna Terezë 1', version: 4 });
  });

  it('fails with STALE_VERSION when a field of that revision changed again since, and writes nothing', async () => {
    await ok(M.updateLocation, { input: { id: locationId, version: 1, name: 'Zyra B' } });
    const rename = await lastRevision(locationId);
    await ok(M.updateLocation, { input: { id: locationId, version: 2, name: 'Zyra C' } });
    const revisions = await revisionsOf(async () => {
      const r = await api.query(M.revert, { id: rename.id }, owner.as);
      expect(r.data.revertRevision.userErrors).toEqual([{ field: ['revisionId'], message: expect.stringContaining('name was changed again'), code: 'STALE_VERSION' }]);
    });
    expect(revisions).toEqual([]);
  });

  it('refuses creations (delete instead) and revisions without editable fields', async () => {
    const created = await lastRevision(locationId);
    expect(created.action).toBe('CREATE');
    const r = await api.query(M.revert, { id: created.id }, owner.as);
    expect(r.data.revertRevision.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('CREATE revision cannot be reverted') });
  });
});

describe('history queries', () => {
  it('auditLog: everything for administrators, without private records for moderators, refused to others', async () => {
    const Q = `query($t: String) { auditLog(first: 100, entityType: $t) { totalCount edges { node { entityType } } } }`;
    const forAdmin = (await api.query(Q, {}, admin.as)).data.auditLog;
    const forModerator = (await api.query(Q, {}, moderator.as)).data.auditLog;
    expect(forAdmin.edges.map((e: any) => e.node.entityType)).toContain('User');
    expect(forModerator.edges.map((e: any) => e.node.entityType)).not.toContain('User');
    expect(forModerator.totalCount).toBeLessThan(forAdmin.totalCount);
    expect((await api.query(Q, { t: 'User' }, moderator.as)).data.auditLog.totalCount).toBe(0);
    expect((await api.query(Q, { t: 'OrganizationClaim' }, moderator.as)).data.auditLog.totalCount).toBeGreaterThan(0);
    const claimId = (await db.orm.em.fork().execute(`select entity_id from revision where entity_type = 'OrganizationClaim' limit 1`))[0].entity_id;
    const CLAIM_HISTORY = `query($id: ID!) { revisions(entityType: "OrganizationClaim", entityId: $id) { totalCount } }`;
    expect((await api.query(CLAIM_HISTORY, { id: claimId })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await api.query(CLAIM_HISTORY, { id: claimId }, moderator.as)).data.revisions.totalCount).toBe(2);
    expect((await api.query(Q, { t: 'Service' }, admin.as)).data.auditLog.edges.every((e: any) => e.node.entityType === 'Service')).toBe(true);
    expect((await api.query(Q, {}, owner.as)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await api.query(Q, {})).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('revisions and organizationHistory are public Relay connections with totalCount, authors by display name only', async () => {
    const history = await api.query(
      `query($id: ID!, $after: String) { organizationHistory(organizationId: $id, first: 3, after: $after) {
         totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id entityType action createdAt author { displayName email } changes { field old new } } } } }`,
      { id: orgId },
    );
    expect(history.errors).toBeUndefined();
    const connection = history.data.organizationHistory;
    expect(connection.totalCount).toBeGreaterThan(10);
    expect(connection.edges).toHaveLength(3);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    for (const edge of connection.edges) if (edge.node.author) expect(edge.node.author.email).toBeNull();
    expect(JSON.stringify(connection)).not.toMatch(/@example\.org|argon2|Invitation/);
    const types = await api.query(`query($id: ID!) { organizationHistory(organizationId: $id, first: 100) { edges { node { entityType } } } }`, { id: orgId });
    expect(new Set(types.data.organizationHistory.edges.map((e: any) => e.node.entityType))).toEqual(new Set(['Organization', 'Service', 'Location', 'Licence', 'Membership']));

    const seen = new Set<string>();
    let after: string | null = null;
    do {
      const page: any = await api.query(`query($id: ID!, $after: String) { organizationHistory(organizationId: $id, first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, {
        id: orgId,
        after,
      });
      for (const e of page.data.organizationHistory.edges) seen.add(e.node.id);
      after = page.data.organizationHistory.pageInfo.hasNextPage ? page.data.organizationHistory.pageInfo.endCursor : null;
    } while (after);
    expect(seen.size).toBe(connection.totalCount);
  });
});
