import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole, UserRole } from '../../src/users/user.enums';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
let moderator: TestAccount;
let admin: TestAccount;

const E = 'userErrors { field message code }';
const CLAIM = `mutation($id: ID!, $m: String!) { claimOrganization(organizationId: $id, message: $m) { claim { id status message claimant { displayName email } organization { name } } ${E} } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!, $reason: String) { decideClaim(claimId: $id, approve: $approve, reason: $reason) { claim { id status reason decidedAt } ${E} } }`;
const QUEUE = `query($first: Int, $after: String) { verificationQueue(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { kind since organization { id name } claim { id message claimant { displayName } } licence { id number } } } } }`;
const VERIFY = `mutation($id: ID!, $v: Int!, $approve: Boolean!, $reason: String) { verifyOrganization(id: $id, version: $v, approve: $approve, reason: $reason) { organization { version verification { status verifiedAt } } ${E} } }`;
const PERMISSIONS = `query($id: ID!) { organization(id: $id) { viewerPermissions { membership edit invite revert verify claim } } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  moderator = await createAccount(db.orm.em, { email: 'moderator@example.org', role: UserRole.MODERATOR });
  admin = await createAccount(db.orm.em, { email: 'admin@example.org', role: UserRole.ADMIN });
});
afterAll(async () => db?.close());

const version = async (id: string) => (await db.orm.em.fork().execute('select version from organization where id = ?', [id]))[0].version as number;

async function queue(as = moderator) {
  const r = await api.query(QUEUE, { first: 100 }, as.as);
  expect(r.errors).toBeUndefined();
  return r.data.verificationQueue;
}

describe('claims', () => {
  it('a user claims a demo organization, a moderator approves from the queue, the user becomes its owner and can edit it', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Shtëpia e Demos', isDemo: true }]);
    const drita = await createAccount(db.orm.em, { email: 'drita@example.org', displayName: 'Drita' });
    expect((await api.query(PERMISSIONS, { id: org.id }, drita.as)).data.organization.viewerPermissions).toEqual({
      membership: null,
      edit: false,
      invite: false,
      revert: false,
      verify: false,
      claim: true,
    });

    const claimed = await api.query(CLAIM, { id: org.id, m: 'I am the director; call +383 44 000 000' }, drita.as);
    expect(claimed.data.claimOrganization).toMatchObject({ claim: { status: 'PENDING', claimant: { displayName: 'Drita', email: 'drita@example.org' } }, userErrors: [] });
    const claimId = claimed.data.claimOrganization.claim.id;

    const again = await api.query(CLAIM, { id: org.id, m: 'Again' }, drita.as);
    expect(again.data.claimOrganization.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('pending claim') });

    const waiting = await queue();
    const item = waiting.edges.find((e: any) => e.node.claim?.id === claimId);
    expect(item.node).toMatchObject({ kind: 'PENDING_CLAIM', organization: { id: org.id }, claim: { message: expect.stringContaining('director'), claimant: { displayName: 'Drita' } } });

    const approved = await api.query(DECIDE, { id: claimId, approve: true }, moderator.as);
    expect(approved.data.decideClaim).toMatchObject({ claim: { status: 'APPROVED', decidedAt: expect.anything() }, userErrors: [] });
    expect((await queue()).edges.some((e: any) => e.node.claim?.id === claimId)).toBe(false);

    const me = await api.query('{ me { memberships { role organization { id } } claims { status } } }', {}, drita.as);
    expect(me.data.me).toEqual({ memberships: [{ role: 'OWNER', organization: { id: org.id } }], claims: [{ status: 'APPROVED' }] });
    expect((await api.query(PERMISSIONS, { id: org.id }, drita.as)).data.organization.viewerPermissions).toMatchObject({ membership: 'OWNER', edit: true, invite: true, revert: true, claim: false });
    expect((await db.orm.em.fork().findOne(OutboxMessage, { recipient: 'drita@example.org', kind: 'claim-decision' }))?.subject).toContain('approved');

    const twice = await api.query(DECIDE, { id: claimId, approve: false, reason: 'changed my mind' }, moderator.as);
    expect(twice.data.decideClaim.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('already approved') });
  });

  it('a rejection needs a reason, which the claimant is sent; a member cannot claim again', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra Tjetër' }]);
    const agon = await createAccount(db.orm.em, { email: 'agon@example.org' });
    const claimId = (await api.query(CLAIM, { id: org.id, m: 'mine' }, agon.as)).data.claimOrganization.claim.id;
    const noReason = await api.query(DECIDE, { id: claimId, approve: false }, moderator.as);
    expect(noReason.data.decideClaim.userErrors).toEqual([{ field: ['reason'], message: expect.any(String), code: 'INVALID_INPUT' }]);
    const rejected = await api.query(DECIDE, { id: claimId, approve: false, reason: 'We could not reach the organization.' }, moderator.as);
    expect(rejected.data.decideClaim.claim).toMatchObject({ status: 'REJECTED', reason: 'We could not reach the organization.' });
    const mail = await db.orm.em.fork().findOne(OutboxMessage, { recipient: 'agon@example.org', kind: 'claim-decision' });
    expect(mail!.body).toContain('We could not reach the organization.');
    expect((await api.query('{ me { memberships { role } } }', {}, agon.as)).data.me.memberships).toEqual([]);

    const member = await createAccount(db.orm.em, { email: 'member@example.org', memberOf: [{ organizationId: org.id }] });
    expect((await api.query(CLAIM, { id: org.id, m: 'x' }, member.as)).data.claimOrganization.userErrors[0].message).toContain('already a member');
  });
});

describe('invitations', () => {
  it('an owner invites by email; only the account with that email can accept, once', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra me Ftesa' }]);
    const owner = await createAccount(db.orm.em, { email: 'owner@example.org', displayName: 'Owner', memberOf: [{ organizationId: org.id, role: MembershipRole.OWNER }] });
    const invite = await api.query(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { email role expiresAt } ${E} } }`, {
      input: { organizationId: org.id, email: 'Kolegia@Example.org', role: 'EDITOR' },
    }, owner.as);
    expect(invite.data.inviteMember).toMatchObject({ invitation: { email: 'kolegia@example.org', role: 'EDITOR' }, userErrors: [] });
    const mail = (await db.orm.em.fork().findOne(OutboxMessage, { recipient: 'kolegia@example.org', kind: 'invitation' }))!;
    expect(mail.subject).toContain('Qendra me Ftesa');
    const token = /Token: (\S+)/.exec(mail.body)![1];
    const ACCEPT = `mutation($t: String!) { acceptInvitation(token: $t) { membership { role organization { id } } ${E} } }`;

    const someoneElse = await createAccount(db.orm.em, { email: 'other@example.org' });
    expect((await api.query(ACCEPT, { t: token }, someoneElse.as)).data.acceptInvitation.userErrors[0]).toMatchObject({ code: 'FORBIDDEN' });
    const colleague = await createAccount(db.orm.em, { email: 'kolegia@example.org' });
    expect((await api.query(ACCEPT, { t: token }, colleague.as)).data.acceptInvitation).toEqual({ membership: { role: 'EDITOR', organization: { id: org.id } }, userErrors: [] });
    expect((await api.query(ACCEPT, { t: token }, colleague.as)).data.acceptInvitation.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await api.query(PERMISSIONS, { id: org.id }, colleague.as)).data.organization.viewerPermissions).toMatchObject({ membership: 'EDITOR', edit: true, invite: false, revert: false });
  });
});

describe('members', () => {
  it('members see the members; owners remove one; anyone may leave; the last owner cannot', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra e Anëtarëve' }]);
    const owner = await createAccount(db.orm.em, { email: 'm-owner@example.org', displayName: 'Owner', memberOf: [{ organizationId: org.id, role: MembershipRole.OWNER }] });
    const editor = await createAccount(db.orm.em, { email: 'm-editor@example.org', displayName: 'Editor', memberOf: [{ organizationId: org.id }] });
    const leaver = await createAccount(db.orm.em, { email: 'm-leaver@example.org', displayName: 'Leaver', memberOf: [{ organizationId: org.id }] });
    const MEMBERS = `query($id: ID!) { organization(id: $id) { members { role user { displayName email } } } }`;
    expect((await api.query(MEMBERS, { id: org.id }, editor.as)).data.organization.members).toEqual([
      { role: 'OWNER', user: { displayName: 'Owner', email: null } },
      { role: 'EDITOR', user: { displayName: 'Editor', email: 'm-editor@example.org' } },
      { role: 'EDITOR', user: { displayName: 'Leaver', email: null } },
    ]);
    expect((await api.query(MEMBERS, { id: org.id })).data.organization.members).toEqual([]);

    const REMOVE = `mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) { removedMembershipId ${E} } }`;
    expect((await api.query(REMOVE, { o: org.id, u: leaver.user.id }, editor.as)).data.removeMember.userErrors[0].code).toBe('FORBIDDEN');
    expect((await api.query(REMOVE, { o: org.id, u: leaver.user.id }, leaver.as)).data.removeMember.userErrors).toEqual([]);
    expect((await api.query(REMOVE, { o: org.id, u: editor.user.id }, owner.as)).data.removeMember.userErrors).toEqual([]);
    const last = await api.query(REMOVE, { o: org.id, u: owner.user.id }, owner.as);
    expect(last.data.removeMember.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('last owner') });
    const history = await api.query(`query($id: ID!) { organizationHistory(organizationId: $id, first: 2) { edges { node { entityType action } } } }`, { id: org.id });
    expect(history.data.organizationHistory.edges.map((e: any) => e.node)).toEqual([
      { entityType: 'Membership', action: 'DELETE' },
      { entityType: 'Membership', action: 'DELETE' },
    ]);
  });
});

describe('verification queue', () => {
  it('lists new organizations, pending claims, organizations a licence change unverified, and unverified licences of verified ones, oldest first, for moderators only', async () => {
    const [fresh, verified] = await createOrganizations(db.orm.em.fork(), [
      { sq: 'E Paverifikuar', verified: false },
      { sq: 'E Verifikuar', verified: true, licences: [{ categories: ['counselling'], from: '2024-01-01' }] },
    ]);
    const owner = await createAccount(db.orm.em, { email: 'v-owner@example.org', memberOf: [{ organizationId: verified.id, role: MembershipRole.OWNER }] });
    const [{ id: licenceId, version: lv }] = await db.orm.em.fork().execute('select id, version from licence where organization_id = ?', [verified.id]);
    const unverifiedLicence = (await queue()).edges.find((e: any) => e.node.licence?.id === licenceId);
    expect(unverifiedLicence.node.kind).toBe('CHANGED_LICENCE');
    await db.orm.em.fork().execute(`update licence set verification_status = 'VERIFIED', verified_at = now() where id = ?`, [licenceId]);
    const before = await queue();
    const kinds = (q: any) => q.edges.map((e: any) => `${e.node.kind}:${e.node.organization.id}`);
    expect(kinds(before)).toContain(`NEW_ORGANIZATION:${fresh.id}`);
    expect(kinds(before)).not.toContain(`NEW_ORGANIZATION:${verified.id}`);
    expect(kinds(before)).not.toContain(`CHANGED_LICENCE:${verified.id}`);

    const changed = await api.query(`mutation($input: UpdateLicenceInput!) { updateLicence(input: $input) { licence { verification { status } } ${E} } }`, {
      input: { id: licenceId, version: lv, validUntil: '2027-12-31' },
    }, owner.as);
    expect(changed.data.updateLicence).toEqual({ licence: { verification: { status: 'UNVERIFIED' } }, userErrors: [] });
    // Contractability trusts a verified organization's licences: the change unverifies the organization too.
    const shown = await api.query(`query($id: ID!) { organization(id: $id) { verification { status } } }`, { id: verified.id });
    expect(shown.data.organization.verification.status).toBe('UNVERIFIED');
    const after = await queue();
    expect(after.edges.find((e: any) => e.node.organization.id === verified.id).node).toMatchObject({ kind: 'CHANGED_ORGANIZATION', licence: null });
    expect(after.totalCount).toBe(before.totalCount + 1);
    const sinces = after.edges.map((e: any) => e.node.since);
    expect([...sinces].sort()).toEqual(sinces);

    // Approving the organization again verifies its licence too: the item leaves the queue.
    expect((await api.query(VERIFY, { id: verified.id, v: await version(verified.id), approve: true }, moderator.as)).data.verifyOrganization.userErrors).toEqual([]);
    expect((await queue()).edges.some((e: any) => e.node.licence?.id === licenceId || e.node.organization.id === verified.id)).toBe(false);
    const [licenceAfter] = await db.orm.em.fork().execute('select verification_status from licence where id = ?', [licenceId]);
    expect(licenceAfter.verification_status).toBe('VERIFIED');

    for (const as of [owner, await createAccount(db.orm.em, { email: 'officer@example.org', role: UserRole.AUTHORITY_OFFICER })]) {
      expect((await api.query(QUEUE, { first: 5 }, as.as)).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect((await api.query(QUEUE, { first: 5 })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await queue(admin)).totalCount).toBe((await queue()).totalCount);
  });

  it('pages with cursors without gaps or repeats', async () => {
    await createOrganizations(db.orm.em.fork(), Array.from({ length: 7 }, (_, i) => ({ sq: `Faqe ${i}`, verified: false })));
    const all = await queue();
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await api.query(QUEUE, { first: 3, after }, moderator.as)).data.verificationQueue;
      seen.push(...page.edges.map((e: any) => e.cursor));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e: any) => e.cursor));
  });

  it('approve sets VERIFIED with date and verifier; reject records the reason and leaves the queue until the next edit', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Në Pritje', verified: false }]);
    const owner = await createAccount(db.orm.em, { email: 'p-owner@example.org', memberOf: [{ organizationId: org.id, role: MembershipRole.OWNER }] });
    const rejected = await api.query(VERIFY, { id: org.id, v: await version(org.id), approve: false, reason: 'Registration certificate unreadable' }, moderator.as);
    expect(rejected.data.verifyOrganization).toMatchObject({ organization: { verification: { status: 'UNVERIFIED', verifiedAt: null } }, userErrors: [] });
    const inQueue = async () => (await queue()).edges.some((e: any) => e.node.kind === 'NEW_ORGANIZATION' && e.node.organization.id === org.id);
    expect(await inQueue()).toBe(false);
    const history = await api.query(`query($id: ID!) { organizationHistory(organizationId: $id, first: 1) { edges { node { action reason author { displayName } } } } }`, { id: org.id });
    expect(history.data.organizationHistory.edges[0].node).toEqual({ action: 'VERIFY', reason: 'Rejected: Registration certificate unreadable', author: { displayName: 'moderator' } });

    await new Promise((r) => setTimeout(r, 5));
    await api.query(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { ${E} } }`, { input: { id: org.id, version: await version(org.id), registrationNumber: '5110099-9' } }, owner.as);
    expect(await inQueue()).toBe(true);

    const approved = await api.query(VERIFY, { id: org.id, v: await version(org.id), approve: true, reason: 'Checked with the NGO register' }, moderator.as);
    expect(approved.data.verifyOrganization.organization.verification).toEqual({ status: 'VERIFIED', verifiedAt: expect.anything() });
    const shown = await api.query(`query($id: ID!) { organization(id: $id) { verification { status verifiedAt verifiedBy { displayName email } } } }`, { id: org.id });
    expect(shown.data.organization.verification).toEqual({ status: 'VERIFIED', verifiedAt: expect.anything(), verifiedBy: { displayName: 'moderator', email: null } });
    expect(await inQueue()).toBe(false);
    const stale = await api.query(VERIFY, { id: org.id, v: 1, approve: true }, moderator.as);
    expect(stale.data.verifyOrganization.userErrors[0].code).toBe('STALE_VERSION');
  });

  it('confirmOrganizationCurrent sets lastConfirmedAt', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'E Konfirmuar' }]);
    const member = await createAccount(db.orm.em, { email: 'c-member@example.org', memberOf: [{ organizationId: org.id }] });
    const r = await api.query(`mutation($id: ID!, $v: Int!) { confirmOrganizationCurrent(id: $id, version: $v) { organization { lastConfirmedAt version } ${E} } }`, { id: org.id, v: await version(org.id) }, member.as);
    expect(r.data.confirmOrganizationCurrent.userErrors).toEqual([]);
    expect(Date.now() - Date.parse(r.data.confirmOrganizationCurrent.organization.lastConfirmedAt)).toBeLessThan(60_000);
  });
});

describe('users query', () => {
  it('administrators list and search users with emails; others are refused', async () => {
    const r = await api.query(`{ users(first: 50, search: "example") { totalCount edges { node { email displayName role } } } }`, {}, admin.as);
    expect(r.errors).toBeUndefined();
    expect(r.data.users.totalCount).toBeGreaterThan(5);
    expect(r.data.users.edges.map((e: any) => e.node.email)).toContain('moderator@example.org');
    expect((await api.query(`{ users(first: 5) { totalCount } }`, {}, moderator.as)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
