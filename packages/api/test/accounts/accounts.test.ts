import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../../src/users/user.enums';
import { hashPassword, verifyPassword } from '../../src/accounts/credentials';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { createAccount, rowCounts, TEST_PASSWORD } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;

const E = 'userErrors { field message code }';
const REQUEST = `mutation($email: String!) { requestPasswordReset(email: $email) { ok ${E} } }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) { ok ${E} } }`;
const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { user { displayName } token ${E} } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
});
afterAll(async () => db?.close());

async function lastMail(recipient: string, kind: string) {
  const [mail] = await db.orm.em.fork().find(OutboxMessage, { recipient, kind }, { orderBy: { createdAt: 'desc' }, limit: 1 });
  return mail ?? null;
}
const tokenIn = (mail: OutboxMessage) => /Token: (\S+)/.exec(mail.body)![1];

describe('passwords', () => {
  it('are hashed with argon2id and verify', async () => {
    const hash = await hashPassword('Correct horse 42');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'Correct horse 42')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse 42')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});

describe('password reset', () => {
  it('answers the same whether or not the email has an account, and mails only real accounts', async () => {
    await createAccount(db.orm.em, { email: 'lule@example.org' });
    const known = await api.query(REQUEST, { email: 'Lule@example.org' });
    const unknown = await api.query(REQUEST, { email: 'ghost@example.org' });
    const invalid = await api.query(REQUEST, { email: 'not an email' });
    expect(known).toEqual(unknown);
    expect(invalid).toEqual(known);
    expect(known.data.requestPasswordReset).toEqual({ ok: true, userErrors: [] });
    expect(await lastMail('lule@example.org', 'password-reset')).not.toBeNull();
    expect(await lastMail('ghost@example.org', 'password-reset')).toBeNull();
    const [{ n }] = await db.orm.em.fork().execute('select count(*)::int as n from password_reset_token');
    expect(n).toBe(1);
  });

  it('a token works once, signs out every session, and the new password works', async () => {
    const account = await createAccount(db.orm.em, { email: 'arta@example.org', displayName: 'Arta' });
    await api.query(REQUEST, { email: 'arta@example.org' });
    const mail = (await lastMail('arta@example.org', 'password-reset'))!;
    expect(mail.body).toContain('/reset-password?token=');
    const token = tokenIn(mail);
    const [stored] = await db.orm.em.fork().execute('select token_hash from password_reset_token where user_id = ?', [account.user.id]);
    expect(stored.token_hash).not.toBe(token);

    const weak = await api.query(RESET, { t: token, p: 'short' });
    expect(weak.data.resetPassword.userErrors).toEqual([{ field: ['newPassword'], message: expect.any(String), code: 'INVALID_INPUT' }]);

    const done = await api.query(RESET, { t: token, p: 'A brand new passphrase 7' });
    expect(done.data.resetPassword).toEqual({ ok: true, userErrors: [] });
    expect((await api.query('{ me { id } }', {}, account.as)).data.me).toBeNull();

    const again = await api.query(RESET, { t: token, p: 'Yet another passphrase 8' });
    expect(again.data.resetPassword.userErrors).toEqual([{ field: ['token'], message: expect.stringContaining('already used or expired'), code: 'INVALID_INPUT' }]);

    expect((await api.query(SIGN_IN, { e: 'arta@example.org', p: TEST_PASSWORD })).data.signIn.userErrors[0].code).toBe('INVALID_INPUT');
    expect((await api.query(SIGN_IN, { e: 'arta@example.org', p: 'A brand new passphrase 7' })).data.signIn).toMatchObject({ user: { displayName: 'Arta' }, userErrors: [] });
  });

  it('a token expires after an hour', async () => {
    const account = await createAccount(db.orm.em, { email: 'blerta@example.org' });
    await api.query(REQUEST, { email: 'blerta@example.org' });
    const token = tokenIn((await lastMail('blerta@example.org', 'password-reset'))!);
    const [row] = await db.orm.em.fork().execute(`select extract(epoch from expires_at - created_at)::int as ttl from password_reset_token where user_id = ?`, [account.user.id]);
    expect(row.ttl).toBe(3600);
    await db.orm.em.fork().execute(`update password_reset_token set expires_at = now() - interval '1 second' where user_id = ?`, [account.user.id]);
    const late = await api.query(RESET, { t: token, p: 'A brand new passphrase 7' });
    expect(late.data.resetPassword.userErrors[0]).toMatchObject({ field: ['token'], code: 'INVALID_INPUT' });
    expect((await api.query('{ me { id } }', {}, account.as)).data.me).not.toBeNull();
  });

  it('a made-up token is refused', async () => {
    const r = await api.query(RESET, { t: 'x'.repeat(43), p: 'A brand new passphrase 7' });
    expect(r.data.resetPassword.userErrors[0].code).toBe('INVALID_INPUT');
  });
});

describe('change password', () => {
  it('needs the current password, applies the policy, keeps this session and ends the others', async () => {
    const account = await createAccount(db.orm.em, { email: 'changer@example.org' });
    const other = await api.query(SIGN_IN, { e: 'changer@example.org', p: TEST_PASSWORD });
    const otherToken = other.data.signIn.token;
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { ok ${E} } }`;
    expect((await api.query(CHANGE, { c: 'wrong one', n: 'A changed passphrase 9' }, account.as)).data.changePassword.userErrors[0]).toMatchObject({ field: ['currentPassword'], code: 'INVALID_INPUT' });
    expect((await api.query(CHANGE, { c: TEST_PASSWORD, n: 'short' }, account.as)).data.changePassword.userErrors[0]).toMatchObject({ field: ['newPassword'], code: 'INVALID_INPUT' });
    expect((await api.query(CHANGE, { c: TEST_PASSWORD, n: 'A changed passphrase 9' }, account.as)).data.changePassword).toEqual({ ok: true, userErrors: [] });
    expect((await api.query('{ me { id } }', {}, account.as)).data.me).not.toBeNull();
    expect((await api.query('{ me { id } }', {}, { token: otherToken })).data.me).toBeNull();
    expect((await api.query(SIGN_IN, { e: 'changer@example.org', p: 'A changed passphrase 9' })).data.signIn.userErrors).toEqual([]);
    expect((await api.query(CHANGE, { c: 'x', n: 'y' })).data.changePassword.userErrors[0].code).toBe('UNAUTHENTICATED');
  });
});

describe('sign-in rate limit', () => {
  it('after 10 failures for an email, even the right password waits (RATE_LIMITED)', async () => {
    await createAccount(db.orm.em, { email: 'target@example.org' });
    for (let i = 0; i < 10; i++) {
      const r = await api.query(SIGN_IN, { e: 'target@example.org', p: `Wrong password ${i}` });
      expect(r.data.signIn.userErrors[0].code).toBe('INVALID_INPUT');
    }
    const blocked = await api.query(SIGN_IN, { e: 'target@example.org', p: TEST_PASSWORD });
    expect(blocked.data.signIn.userErrors).toEqual([{ field: null, message: expect.stringContaining('Too many failed sign-ins'), code: 'RATE_LIMITED' }]);
  });

  it('the count lives in PostgreSQL (shared by replicas), keyed by a hash of the email, and a success clears it', async () => {
    await createAccount(db.orm.em, { email: 'counted@example.org' });
    await api.query(SIGN_IN, { e: 'counted@example.org', p: 'Wrong password 1' });
    const rows = await db.orm.em.fork().execute(`select key, points from rate_limit where key like 'signin-email%'`);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('counted@');
    const before = rows.length;
    expect((await api.query(SIGN_IN, { e: 'counted@example.org', p: TEST_PASSWORD })).data.signIn.userErrors).toEqual([]);
    expect((await db.orm.em.fork().execute(`select key from rate_limit where key like 'signin-email%'`)).length).toBe(before - 1);
  });
});

describe('users and roles', () => {
  it('me shows the signed-in user with email and memberships; others see display names only', async () => {
    const account = await createAccount(db.orm.em, { email: 'vjosa@example.org', displayName: 'Vjosa' });
    expect((await api.query('{ me { displayName email role memberships { role } } }', {}, account.as)).data.me).toEqual({
      displayName: 'Vjosa',
      email: 'vjosa@example.org',
      role: 'EDITOR',
      memberships: [],
    });
    expect((await api.query('{ me { id } }')).data.me).toBeNull();
    // The sign-in answer is the user's own, though the request that asked carried no session yet.
    const signedIn = await api.query(`mutation { signIn(input: { email: "vjosa@example.org", password: "${TEST_PASSWORD}" }) { user { email memberships { role } } } }`);
    expect(signedIn.data.signIn.user).toEqual({ email: 'vjosa@example.org', memberships: [] });
  });

  it('setUserRole: an admin promotes, deactivates (ending sessions), and cannot demote themself', async () => {
    const admin = await createAccount(db.orm.em, { email: 'root@example.org', role: UserRole.ADMIN });
    const user = await createAccount(db.orm.em, { email: 'promoted@example.org' });
    const SET = `mutation($id: ID!, $role: UserRole!, $active: Boolean) { setUserRole(userId: $id, role: $role, active: $active) { user { role } ${E} } }`;
    expect((await api.query(SET, { id: user.user.id, role: 'MODERATOR' }, admin.as)).data.setUserRole).toEqual({ user: { role: 'MODERATOR' }, userErrors: [] });
    expect((await api.query('{ me { role } }', {}, user.as)).data.me.role).toBe('MODERATOR');
    await api.query(SET, { id: user.user.id, role: 'MODERATOR', active: false }, admin.as);
    expect((await api.query('{ me { role } }', {}, user.as)).data.me).toBeNull();
    const officer = await createAccount(db.orm.em, { email: 'officer@example.org' });
    const OFFICER = `mutation($id: ID!, $a: ID) { setUserRole(userId: $id, role: AUTHORITY_OFFICER, authority: $a) { user { role authority { code } } ${E} } }`;
    expect((await api.query(OFFICER, { id: officer.user.id, a: 'ministry-justice' }, admin.as)).data.setUserRole).toEqual({
      user: { role: 'AUTHORITY_OFFICER', authority: { code: 'ministry-justice' } },
      userErrors: [],
    });
    expect((await api.query(OFFICER, { id: officer.user.id, a: 'ministry-of-magic' }, admin.as)).data.setUserRole.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['authority'] });
    const self = await api.query(SET, { id: admin.user.id, role: 'EDITOR' }, admin.as);
    expect(self.data.setUserRole.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['role'] });
  });
});
