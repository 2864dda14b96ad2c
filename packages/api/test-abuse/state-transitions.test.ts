import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole, UserRole } from '../src/users/user.enums';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { createAccount, type TestAccount } from '../test/support/accounts';
import { createTestApi, type TestApi } from '../test/support/api';
import { createOrganizations } from '../test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database';

let db: TestDatabase;
let api: TestApi;
let moderator: TestAccount;
let admin: TestAccount;

const E = 'userErrors { code message }';
const N = 20;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  moderator = await createAccount(db.orm.em, { email: 'mod@example.org', role: UserRole.MODERATOR });
  admin = await createAccount(db.orm.em, { email: 'admin@example.org', role: UserRole.ADMIN });
});
afterAll(async () => {
  await db?.close();
});

const count = async (sql: string, params: unknown[] = []) => (await db.orm.em.fork().execute(`select count(*)::int as n from ${sql}`, params))[0].n as number;
const winners = (results: any[], field: string) => results.filter((r) => r.data?.[field] && r.data[field].userErrors.length === 0);
const losersAreTyped = (results: any[], field: string) =>
  results.filter((r) => r.data?.[field]?.userErrors.length).every((r) => ['INVALID_INPUT', 'STALE_VERSION', 'NOT_FOUND'].includes(r.data[field].userErrors[0].code));

describe(`${N} concurrent decisions per state transition: exactly one wins`, () => {
  it('claims: one decision, consistent with the membership, one revision, one mail', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra e Kërkuar' }]);
    const claimant = await createAccount(db.orm.em, { email: 'claimant@example.org' });
    const claimed = await api.query(`mutation($id: ID!) { claimOrganization(organizationId: $id, message: "I run it") { claim { id } ${E} } }`, { id: org.id }, claimant.as);
    const claimId = claimed.data.claimOrganization.claim.id;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        api.query(`mutation($id: ID!, $a: Boolean!) { decideClaim(claimId: $id, approve: $a, reason: "checked") { claim { status } ${E} } }`, { id: claimId, a: i % 2 === 0 }, moderator.as),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const won = winners(results, 'decideClaim');
    expect(won).toHaveLength(1);
    expect(losersAreTyped(results, 'decideClaim')).toBe(true);
    const [{ status }] = await db.orm.em.fork().execute('select status from organization_claim where id = ?', [claimId]);
    expect(status).toBe(won[0].data.decideClaim.claim.status);
    expect(await count(`membership where organization_id = ? and role = 'OWNER'`, [org.id])).toBe(status === 'APPROVED' ? 1 : 0);
    expect(await count(`revision where entity_id = ? and action = 'CLAIM_DECISION'`, [claimId])).toBe(1);
    expect(await db.orm.em.fork().count(OutboxMessage, { recipient: 'claimant@example.org', kind: 'claim-decision' })).toBe(1);
  });

  it('claims: concurrent claims by one user leave one pending claim', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra e Dyfishtë' }]);
    const claimant = await createAccount(db.orm.em, { email: 'eager@example.org' });
    const results = await Promise.all(Array.from({ length: N }, () => api.query(`mutation($id: ID!) { claimOrganization(organizationId: $id, message: "me") { claim { id } ${E} } }`, { id: org.id }, claimant.as)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(winners(results, 'claimOrganization')).toHaveLength(1);
    expect(await count(`organization_claim where organization_id = ? and status = 'PENDING'`, [org.id])).toBe(1);
  });

  it('invitations: accepted once, one membership, one revision', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra me Ftesë' }]);
    const owner = await createAccount(db.orm.em, { email: 'owner@example.org', memberOf: [{ organizationId: org.id, role: MembershipRole.OWNER }] });
    await api.query(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { ${E} } }`, { input: { organizationId: org.id, email: 'invitee@example.org', role: 'EDITOR' } }, owner.as);
    const mail = (await db.orm.em.fork().findOne(OutboxMessage, { recipient: 'invitee@example.org', kind: 'invitation' }))!;
    const token = /Token: (\S+)/.exec(mail.body)![1];
    const invitee = await createAccount(db.orm.em, { email: 'invitee@example.org' });
    const results = await Promise.all(Array.from({ length: N }, () => api.query(`mutation($t: String!) { acceptInvitation(token: $t) { membership { role } ${E} } }`, { t: token }, invitee.as)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(winners(results, 'acceptInvitation')).toHaveLength(1);
    expect(await count(`membership where organization_id = ? and user_id = ?`, [org.id, invitee.user.id])).toBe(1);
    expect(await count(`revision where entity_type = 'Invitation' and action = 'UPDATE' and organization_id = ?`, [org.id])).toBe(1);
  });

  it('verification: one decision, one VERIFY revision', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra pa Verifikim', verified: false }]);
    const [{ version }] = await db.orm.em.fork().execute('select version from organization where id = ?', [org.id]);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        api.query(`mutation($id: ID!, $v: Int!, $a: Boolean!) { verifyOrganization(id: $id, version: $v, approve: $a, reason: "checked") { organization { version } ${E} } }`, { id: org.id, v: version, a: i % 2 === 0 }, moderator.as),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(winners(results, 'verifyOrganization')).toHaveLength(1);
    expect(losersAreTyped(results, 'verifyOrganization')).toBe(true);
    expect(await count(`revision where entity_id = ? and action = 'VERIFY'`, [org.id])).toBe(1);
  });

  it('reverts: one REVERT revision, the value reverted once', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra e Ndryshuar' }]);
    const [{ version }] = await db.orm.em.fork().execute('select version from organization where id = ?', [org.id]);
    await api.query(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { ${E} } }`, { input: { id: org.id, version, acronym: 'QN' } }, admin.as);
    const [{ id: revisionId }] = await db.orm.em.fork().execute(`select id from revision where entity_id = ? and action = 'UPDATE'`, [org.id]);
    const results = await Promise.all(Array.from({ length: N }, () => api.query(`mutation($id: ID!) { revertRevision(revisionId: $id) { ${E} } }`, { id: revisionId }, admin.as)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(winners(results, 'revertRevision')).toHaveLength(1);
    expect(await count(`revision where entity_id = ? and action = 'REVERT'`, [org.id])).toBe(1);
  });

  it('password reset: one token, one use', async () => {
    const user = await createAccount(db.orm.em, { email: 'forgetful@example.org' });
    await api.query(`mutation { requestPasswordReset(email: "forgetful@example.org") { ok } }`);
    const mail = (await db.orm.em.fork().findOne(OutboxMessage, { recipient: 'forgetful@example.org', kind: 'password-reset' }))!;
    const token = /Token: (\S+)/.exec(mail.body)![1];
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => api.query(`mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { ok ${E} } }`, { t: token, p: `A new password ${i}!` })),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(results.filter((r) => r.data.resetPassword.ok)).toHaveLength(1);
    expect(await count(`password_reset_token where user_id = ? and used_at is not null`, [user.user.id])).toBe(1);
  });
});
