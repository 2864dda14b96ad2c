import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole } from '../../src/users/user.enums';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { createAccount, rowCounts, TEST_PASSWORD } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;

const E = 'userErrors { field message code }';
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id displayName } token ${E} } }`;
const CONFIRM = `mutation($t: String!) { confirmEmail(input: { token: $t }) { user { displayName } token ${E} } }`;
const RESEND = `mutation($e: String!) { resendConfirmation(email: $e) { ok ${E} } }`;
const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { user { displayName } token ${E} } }`;
const NOTHING_SAID = { register: { user: null, token: null, userErrors: [] } };

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
});
afterAll(async () => db?.close());

const sql = async (query: string, params: unknown[] = []) => db.orm.em.fork().execute(query, params);
const mails = (recipient: string, kind: string) => db.orm.em.fork().find(OutboxMessage, { recipient, kind }, { orderBy: { createdAt: 'desc' } });
const tokenIn = (mail: OutboxMessage) => /Token: (\S+)/.exec(mail.body)![1];
const register = (email: string, extra: Record<string, unknown> = {}) => api.query(REGISTER, { input: { email, password: TEST_PASSWORD, displayName: 'Teuta', ...extra } });
const sessions = async (email: string) => (await sql(`select count(*)::int as n from user_session s join app_user u on u.id = s.user_id where u.email = ?`, [email]))[0].n as number;

async function confirmationToken(email: string): Promise<string> {
  const [mail] = await mails(email, 'email-confirmation');
  expect(mail, `a confirmation mail to ${email}`).toBeDefined();
  return tokenIn(mail);
}

describe('register', () => {
  it('answers a new and a taken email identically; mails the new one a link and the taken one a notice, never a second account', async () => {
    await createAccount(db.orm.em, { email: 'arta@example.org', displayName: 'Arta' });
    const before = await rowCounts(db.orm.em);
    const taken = await register('Arta@Example.org');
    const afterTaken = await rowCounts(db.orm.em);
    const fresh = await register('  Teuta@Example.ORG ');
    expect(JSON.stringify(taken)).toBe(JSON.stringify(fresh));
    expect(fresh.data).toEqual(NOTHING_SAID);
    expect(afterTaken).toEqual({ ...before, outbox_message: before.outbox_message + 1 });
    expect((await sql(`select count(*)::int as n from app_user where email = 'arta@example.org'`))[0].n).toBe(1);
    const [notice] = await mails('arta@example.org', 'already-registered');
    expect(notice.body).toContain('/forgot-password');
    expect(notice.body).not.toMatch(/Token:/);
    const [row] = await sql(`select email, role, password_hash, email_confirmed_at from app_user where email = 'teuta@example.org'`);
    expect(row).toMatchObject({ email: 'teuta@example.org', role: 'EDITOR', email_confirmed_at: null });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await sessions('teuta@example.org')).toBe(0);
    expect((await mails('teuta@example.org', 'email-confirmation'))[0].body).toContain('http://localhost:4000/confirm-email?token=');
  });

  it('reports only the input\'s own problems, the same whether the email is taken or not', async () => {
    const weak = (email: string) => api.query(REGISTER, { input: { email, password: 'short', displayName: 'X' } });
    expect(JSON.stringify(await weak('arta@example.org'))).toBe(JSON.stringify(await weak('nobody@example.org')));
    expect((await weak('nobody@example.org')).data!.register.userErrors).toEqual([{ field: ['input', 'password'], message: expect.stringContaining('at least 12'), code: 'INVALID_INPUT' }]);
  });
});

describe('an unconfirmed account', () => {
  it('is refused sign-in with EMAIL_NOT_CONFIRMED and no session; a wrong password gets the usual answer', async () => {
    await register('vesa@example.org');
    const right = await api.query(SIGN_IN, { e: 'vesa@example.org', p: TEST_PASSWORD });
    expect(right.data!.signIn).toEqual({ user: null, token: null, userErrors: [{ field: ['email'], message: expect.stringContaining('Confirm your email'), code: 'EMAIL_NOT_CONFIRMED' }] });
    expect(await sessions('vesa@example.org')).toBe(0);
    const wrong = await api.query(SIGN_IN, { e: 'vesa@example.org', p: 'Not the password 1' });
    const unknown = await api.query(SIGN_IN, { e: 'ghost@example.org', p: 'Not the password 1' });
    expect(wrong).toEqual(unknown);
    expect(wrong.data!.signIn.userErrors).toEqual([{ field: ['password'], message: 'The email or the password is wrong.', code: 'INVALID_INPUT' }]);
  });

  it('is confirmed by its link once, which signs it in; the link then says it was used', async () => {
    await register('dea@example.org');
    const token = await confirmationToken('dea@example.org');
    const confirmed = await api.query(CONFIRM, { t: token });
    expect(confirmed.data!.confirmEmail).toMatchObject({ user: { displayName: 'Teuta' }, userErrors: [] });
    const me = await api.query('{ me { email } }', {}, { token: confirmed.data!.confirmEmail.token });
    expect(me.data!.me).toEqual({ email: 'dea@example.org' });
    const again = await api.query(CONFIRM, { t: token });
    expect(again.data!.confirmEmail).toEqual({ user: null, token: null, userErrors: [{ field: ['input', 'token'], message: expect.stringContaining('already used'), code: 'INVALID_INPUT' }] });
    expect(await sessions('dea@example.org')).toBe(1);
    expect((await api.query(SIGN_IN, { e: 'dea@example.org', p: TEST_PASSWORD })).data!.signIn.userErrors).toEqual([]);
  });

  it('a link lasts 24 hours (EMAIL_CONFIRMATION_HOURS); an expired or made-up one is refused with its reason', async () => {
    await register('ilir@example.org');
    const token = await confirmationToken('ilir@example.org');
    const [row] = await sql(`select extract(epoch from t.expires_at - t.created_at)::int as ttl from email_confirmation_token t join app_user u on u.id = t.user_id where u.email = 'ilir@example.org'`);
    expect(Math.abs(row.ttl - 24 * 3600)).toBeLessThan(5);
    await sql(`update email_confirmation_token set expires_at = now() - interval '1 second' where user_id = (select id from app_user where email = 'ilir@example.org')`);
    const expired = await api.query(CONFIRM, { t: token });
    expect(expired.data!.confirmEmail.userErrors).toEqual([{ field: ['input', 'token'], message: expect.stringContaining('expired'), code: 'INVALID_INPUT' }]);
    const madeUp = await api.query(CONFIRM, { t: 'not-a-token' });
    expect(madeUp.data!.confirmEmail.userErrors).toEqual([{ field: ['input', 'token'], message: expect.stringContaining('not valid'), code: 'INVALID_INPUT' }]);
    expect((await sql(`select email_confirmed_at from app_user where email = 'ilir@example.org'`))[0].email_confirmed_at).toBeNull();

    // resendConfirmation answers the same for every address and mails a new link only to an unconfirmed account.
    const answers = await Promise.all(['ilir@example.org', 'dea@example.org', 'ghost@example.org', 'not an email'].map((e) => api.query(RESEND, { e })));
    for (const answer of answers) expect(answer.data).toEqual({ resendConfirmation: { ok: true, userErrors: [] } });
    expect(await mails('ilir@example.org', 'email-confirmation')).toHaveLength(2);
    expect(await mails('dea@example.org', 'email-confirmation')).toHaveLength(1);
    expect((await api.query(CONFIRM, { t: await confirmationToken('ilir@example.org') })).data!.confirmEmail.userErrors).toEqual([]);
  });

  it('is confirmed by a password reset too (the reset link reached the address)', async () => {
    await register('blerta@example.org');
    await api.query(`mutation { requestPasswordReset(email: "blerta@example.org") { ok } }`);
    const [mail] = await mails('blerta@example.org', 'password-reset');
    const reset = await api.query(`mutation($t: String!) { resetPassword(token: $t, newPassword: "A brand new pass 55") { ok ${E} } }`, { t: tokenIn(mail) });
    expect(reset.data!.resetPassword).toEqual({ ok: true, userErrors: [] });
    expect((await api.query(SIGN_IN, { e: 'blerta@example.org', p: 'A brand new pass 55' })).data!.signIn.userErrors).toEqual([]);
  });
});

describe('registering from an invitation', () => {
  it('the invitation proves the address: the account is confirmed without a link, and the answer is the same', async () => {
    const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra e Ftesave' }]);
    const owner = await createAccount(db.orm.em, { email: 'owner@example.org', memberOf: [{ organizationId: org.id, role: MembershipRole.OWNER }] });
    const invited = await api.query(`mutation { inviteMember(input: { organizationId: "${org.id}", email: "shpresa@example.org", role: EDITOR }) { invitation { id } ${E} } }`, {}, owner.as);
    expect(invited.data!.inviteMember.userErrors).toEqual([]);
    const invitationToken = tokenIn((await mails('shpresa@example.org', 'invitation'))[0]);
    // A token for another address proves nothing about this one.
    expect((await register('other@example.org', { invitationToken })).data).toEqual(NOTHING_SAID);
    expect(await mails('other@example.org', 'email-confirmation')).toHaveLength(1);

    expect((await register('shpresa@example.org', { invitationToken })).data).toEqual(NOTHING_SAID);
    expect(await mails('shpresa@example.org', 'email-confirmation')).toHaveLength(0);
    expect(await mails('shpresa@example.org', 'account-ready')).toHaveLength(1);
    const signedIn = await api.query(SIGN_IN, { e: 'shpresa@example.org', p: TEST_PASSWORD });
    expect(signedIn.data!.signIn.userErrors).toEqual([]);
    const accepted = await api.query(`mutation($t: String!) { acceptInvitation(token: $t) { membership { role } ${E} } }`, { t: invitationToken }, { token: signedIn.data!.signIn.token });
    expect(accepted.data!.acceptInvitation).toEqual({ membership: { role: 'EDITOR' }, userErrors: [] });
  });
});
