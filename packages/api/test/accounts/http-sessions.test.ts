import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole } from '../../src/users/user.enums';
import { loadConfig } from '../../src/core/config';
import type { Runtime } from '../../src/app/runtime';
import type { RunningServer } from '../../src/app/server';
import { createAccount, rowCounts, TEST_PASSWORD } from '../support/accounts';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { serveApp, stopApp } from '../support/served-app';

let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;
let orgId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const [org] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra HTTP' }]);
  orgId = org.id;
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', MAP_TILE_URL: '', WEB_DIST: '/nonexistent-web-dist', DEMO_DATA: 'off' });
  ({ runtime, server } = await serveApp(config));
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await db?.close();
});

interface Options {
  cookie?: string;
  csrf?: boolean;
  bearer?: string;
}

async function gql(query: string, variables: Record<string, unknown> = {}, options: Options = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers['x-civimap-csrf'] = '1';
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { res, body: (await res.json()) as any };
}

const ME = '{ me { displayName email } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { user { displayName } token userErrors { code message } } }';
const UPDATE = 'mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { acronym version } userErrors { code message } } }';

function sessionCookie(res: Response): { pair: string; attributes: string } {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('civimap_session='))!;
  expect(header).toBeDefined();
  return { pair: header.split(';')[0], attributes: header };
}

const version = async () => (await db.orm.em.fork().execute('select version from organization where id = ?', [orgId]))[0].version as number;

describe('sessions over HTTP', () => {
  it('register answers byte for byte the same for a new and a taken email, with no cookie; confirmEmail sets the httpOnly, SameSite=Lax session cookie', async () => {
    await createAccount(db.orm.em, { email: 'taken@example.org' });
    const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { user { displayName } token userErrors { field code message } } }';
    const raw = async (email: string) => {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: REGISTER, variables: { input: { email, password: TEST_PASSWORD, displayName: 'Drita' } } }) });
      return { text: await res.text(), status: res.status, cookies: res.headers.getSetCookie() };
    };
    const fresh = await raw('Drita@Example.org');
    const taken = await raw('Taken@Example.org');
    expect(taken).toEqual(fresh);
    expect(fresh).toMatchObject({ status: 200, cookies: [] });
    expect(JSON.parse(fresh.text).data).toEqual({ register: { user: null, token: null, userErrors: [] } });
    const [mail] = await db.orm.em.fork().execute(`select body from outbox_message where recipient = 'drita@example.org' and kind = 'email-confirmation'`);
    const token = /Token: (\S+)/.exec(mail.body)![1];
    const { res, body } = await gql('mutation($t: String!) { confirmEmail(input: { token: $t }) { user { displayName } userErrors { code } } }', { t: token });
    expect(body.data.confirmEmail).toEqual({ user: { displayName: 'Drita' }, userErrors: [] });
    const cookie = sessionCookie(res);
    expect(cookie.attributes).toMatch(/HttpOnly/i);
    expect(cookie.attributes).toMatch(/SameSite=Lax/i);
    expect(cookie.attributes).toMatch(/Path=\//);
    expect(cookie.attributes).not.toMatch(/Secure/i); // only with NODE_ENV=production
    const me = await gql(ME, {}, { cookie: cookie.pair });
    expect(me.body.data.me).toEqual({ displayName: 'Drita', email: 'drita@example.org' });
  });

  it('sign in → the cookie works; sign out → the same cookie is rejected', async () => {
    await createAccount(db.orm.em, { email: 'besa@example.org', displayName: 'Besa' });
    const { res, body } = await gql(SIGN_IN, { input: { email: 'BESA@example.org ', password: TEST_PASSWORD } });
    expect(body.data.signIn.userErrors).toEqual([]);
    const { pair } = sessionCookie(res);
    expect((await gql(ME, {}, { cookie: pair })).body.data.me.displayName).toBe('Besa');

    const out = await gql('mutation { signOut { ok } }', {}, { cookie: pair, csrf: true });
    expect(out.body.data.signOut.ok).toBe(true);
    expect(out.res.headers.getSetCookie().join()).toMatch(/civimap_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await gql(ME, {}, { cookie: pair })).body.data.me).toBeNull();
  });

  it('a wrong password is one typed error, the same for an unknown email', async () => {
    await createAccount(db.orm.em, { email: 'agim@example.org' });
    const wrong = await gql(SIGN_IN, { input: { email: 'agim@example.org', password: 'Not the password 1' } });
    const unknown = await gql(SIGN_IN, { input: { email: 'nobody@example.org', password: 'Not the password 1' } });
    expect(wrong.body.data.signIn).toEqual({ user: null, token: null, userErrors: [{ code: 'INVALID_INPUT', message: 'The email or the password is wrong.' }] });
    expect(unknown.body.data.signIn).toEqual(wrong.body.data.signIn);
    expect(wrong.res.headers.getSetCookie()).toEqual([]);
  });

  it('CSRF: a cookie-authenticated mutation without the x-civimap-csrf header is refused (403) and writes nothing', async () => {
    const editor = await createAccount(db.orm.em, { email: 'editor@example.org', memberOf: [{ organizationId: orgId, role: MembershipRole.EDITOR }] });
    const cookie = `civimap_session=${editor.token}`;
    const before = await rowCounts(db.orm.em);
    const forged = await gql(UPDATE, { input: { id: orgId, version: await version(), acronym: 'FORGED' } }, { cookie });
    expect(forged.res.status).toBe(403);
    expect(forged.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CSRF' });
    expect(forged.body.data).toBeUndefined();
    expect(await rowCounts(db.orm.em)).toEqual(before);

    // Queries need no header: reading is not a side effect.
    expect((await gql(ME, {}, { cookie })).body.data.me.displayName).toBe('editor');
    const allowed = await gql(UPDATE, { input: { id: orgId, version: await version(), acronym: 'REAL' } }, { cookie, csrf: true });
    expect(allowed.body.data.updateOrganization).toMatchObject({ organization: { acronym: 'REAL' }, userErrors: [] });
  });

  it('CSRF: Apollo refuses a "simple" cross-site form post before it runs', async () => {
    const editor = await createAccount(db.orm.em, { email: 'form@example.org', memberOf: [{ organizationId: orgId, role: MembershipRole.EDITOR }] });
    const before = await rowCounts(db.orm.em);
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { signOut { ok } }')}`, {
      method: 'GET',
      headers: { cookie: `civimap_session=${editor.token}` },
    });
    expect(res.status).toBe(400);
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: `civimap_session=${editor.token}` },
      body: JSON.stringify({ query: 'mutation { signOut { ok } }' }),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(await rowCounts(db.orm.em)).toEqual(before);
  });

  it('a bearer token (API clients) needs no CSRF header: it is never sent by a browser on its own', async () => {
    await createAccount(db.orm.em, { email: 'api-client@example.org', memberOf: [{ organizationId: orgId, role: MembershipRole.EDITOR }] });
    const signIn = await gql(SIGN_IN, { input: { email: 'api-client@example.org', password: TEST_PASSWORD } });
    const token = signIn.body.data.signIn.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const updated = await gql(UPDATE, { input: { id: orgId, version: await version(), acronym: 'BEARER' } }, { bearer: token });
    expect(updated.body.data.updateOrganization.userErrors).toEqual([]);
    const [stored] = await db.orm.em.fork().execute('select token_hash from user_session order by created_at desc limit 1');
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token);
  });

  it('an expired session is rejected', async () => {
    const account = await createAccount(db.orm.em, { email: 'expired@example.org' });
    await db.orm.em.fork().execute(`update user_session set expires_at = now() - interval '1 second' where user_id = ?`, [account.user.id]);
    expect((await gql(ME, {}, { bearer: account.token })).body.data.me).toBeNull();
    expect((await gql(ME, {}, { cookie: `civimap_session=${account.token}` })).body.data.me).toBeNull();
  });
});

describe('request size', () => {
  it('a 10 MB description is refused with a clean 413 before any work, and nothing is written', async () => {
    const editor = await createAccount(db.orm.em, { email: 'big@example.org', memberOf: [{ organizationId: orgId, role: MembershipRole.EDITOR }] });
    const before = await rowCounts(db.orm.em);
    const { res, body } = await gql(UPDATE, { input: { id: orgId, version: await version(), descriptions: { sq: 'x'.repeat(10 * 1024 * 1024) } } }, { bearer: editor.token });
    expect(res.status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await rowCounts(db.orm.em)).toEqual(before);
  });

  it('a description just over the 10,000-character limit fits in the body and gets a userError, nothing written', async () => {
    const editor = await createAccount(db.orm.em, { email: 'long@example.org', memberOf: [{ organizationId: orgId, role: MembershipRole.EDITOR }] });
    const before = await rowCounts(db.orm.em);
    const { res, body } = await gql(UPDATE, { input: { id: orgId, version: await version(), descriptions: { sq: 'ë'.repeat(20_000) } } }, { bearer: editor.token });
    expect(res.status).toBe(200);
    expect(body.data.updateOrganization.userErrors).toEqual([{ code: 'INVALID_INPUT', message: expect.stringContaining('At most 10,000 characters') }]);
    expect(await rowCounts(db.orm.em)).toEqual(before);
  });
});
