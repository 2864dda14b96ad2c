// Users of every role for the end-to-end tests, made with the API's own command line, and signing
// in from a page the way the sign-in form does (the signIn mutation sets the session cookie).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { runApiCli } from './harness.mjs';

export type Role = 'editor' | 'officer' | 'moderator' | 'admin';

export interface TestUser {
  role: Role;
  name: string;
  email: string;
  password: string;
}

const databaseUrl = inject('databaseUrl');

/** A new user of `role` (officers work for `authority`). */
export async function createUser(role: Role, authority = 'ministry-justice'): Promise<TestUser> {
  expect(databaseUrl, 'the harness gives the product database (E2E_DATABASE_URL with E2E_BASE_URL)').toBeTruthy();
  const tag = randomBytes(4).toString('hex');
  const user: TestUser = { role, name: `${role[0]!.toUpperCase()}${role.slice(1)} ${tag}`, email: `${role}-${tag}@example.org`, password: `Shell-${role}-password-2026` };
  const extra = role === 'officer' ? ['--authority', authority] : [];
  await runApiCli('user-create', ['--role', role, '--email', user.email, '--password', user.password, '--name', user.name, ...extra], {
    ...(process.env as Record<string, string>),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
  });
  return user;
}

/** Signs `who` in from the page (its context keeps the session cookie). */
export async function signInFromPage(page: Page, who: { email: string; password: string }): Promise<void> {
  const errors = await page.evaluate(async ({ email, password }) => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-civimap-csrf': '1' },
      body: JSON.stringify({ query: 'mutation($i: SignInInput!) { signIn(input: $i) { user { id } userErrors { message } } }', variables: { i: { email, password } } }),
    });
    const body = await res.json();
    return body.errors ?? body.data.signIn.userErrors;
  }, who);
  expect(errors).toEqual([]);
}

/** Who the page's session is, asked of the API (null: signed out). */
export function sessionOf(page: Page): Promise<{ email: string } | null> {
  return page.evaluate(async () => {
    const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-civimap-csrf': '1' }, body: JSON.stringify({ query: '{ me { email } }' }) });
    return (await res.json()).data.me;
  });
}

/** Signs `who` in through the sign-in form, as a person does; lands on "My organizations". */
export async function signInWithForm(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/signin');
  await page.locator('form input[name="email"]').fill(who.email);
  await page.locator('form input[name="password"]').fill(who.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((u) => u.pathname === '/me');
}

/** The token of the link in the newest mail of `kind` to `email`, read from the outbox (where development mail goes). */
export async function linkTokenFromMail(email: string, kind: string, path: string): Promise<string> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const r = await db.query<{ body: string }>('select body from outbox_message where recipient = $1 and kind = $2 order by created_at desc limit 1', [email, kind]);
    const link = new RegExp(`${path.replace(/[/?]/g, '\\$&')}\\?token=([\\w-]+)`).exec(r.rows[0]?.body ?? '');
    expect(link, `a ${kind} mail to ${email} with a ${path} link`).not.toBeNull();
    return link![1]!;
  } finally {
    await db.end();
  }
}
