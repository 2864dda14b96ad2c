// A returning user's journey (the newcomer's is accounts.e2e.test.ts): an owner made with the API's
// command line resets a forgotten password with the link from the outbox mail, signs in and edits with
// the keyboard alone, registers a new organization and confirms it current; a moderator rejects it
// with a reason the public history keeps.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectBrowser, gql, openPage } from './helpers';
import { createUser, linkTokenFromMail, signInWithForm, type TestUser } from './users';

let browser: Browser;
let user: TestUser;
let moderator: TestUser;
let orgId = '';
let serviceId = '';
const tag = randomBytes(4).toString('hex');
const databaseUrl = inject('databaseUrl');

beforeAll(async () => {
  browser = await connectBrowser();
  [user, moderator] = await Promise.all([createUser('editor'), createUser('moderator')]);
  const list = await gql<{ organizations: { edges: { node: { id: string; services: { id: string }[]; locations: { id: string }[] } }[] } }>(
    '{ organizations(first: 50, orderBy: NAME) { edges { node { id services { id } locations { id } } } } }',
  );
  const org = list.organizations.edges.map((e) => e.node).find((o) => o.services.length > 0 && o.locations.length > 0)!;
  orgId = org.id;
  serviceId = org.services[0]!.id;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`insert into membership (id, user_id, organization_id, role) select gen_random_uuid(), id, $1, 'OWNER' from app_user where email = $2`, [orgId, user.email]);
  } finally {
    await db.end();
  }
});
afterAll(async () => {
  await browser?.close();
});

describe('a returning owner', () => {
  it('resets a forgotten password with the link from the outbox mail', async () => {
    const { page, context } = await openPage(browser, '/signin');
    await page.getByRole('link', { name: 'Keni harruar fjalëkalimin?' }).click();
    await page.locator('input[name="email"]').fill(user.email);
    await page.locator('form button[type="submit"]').click();
    await page.locator('[data-testid="reset-sent"]').waitFor();

    const token = await linkTokenFromMail(user.email, 'password-reset', '/reset-password');
    await page.goto(`/reset-password?token=${token}`);
    const newPassword = 'Another-long-secret-99';
    await page.locator('input[name="newPassword"]').fill(newPassword);
    await page.locator('form button[type="submit"]').click();
    await page.locator('[data-testid="reset-done"]').waitFor();
    await signInWithForm(page, { email: user.email, password: newPassword });
    user.password = newPassword;
    await page.locator(`[data-testid="memberships"] li[data-org-id="${orgId}"]`).waitFor();
    await context.close();
  });

  it('signs in and opens a service of the editor with the keyboard alone', async () => {
    const { page, context } = await openPage(browser, '/signin');
    await page.locator('h1').waitFor();
    // from the form's first field on, the keyboard alone
    await page.locator('form input[name="email"]').focus();
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('password');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/me');
    await page.goto(`/org/${orgId}/edit`);
    const summary = page.locator(`details[data-service-id="${serviceId}"] summary`);
    await summary.focus();
    await page.keyboard.press('Enter');
    const capacity = page.locator(`details[data-service-id="${serviceId}"] input[name="capacity"]`);
    await capacity.waitFor();
    // every control of the form has a label
    const unlabeled = await page.locator(`details[data-service-id="${serviceId}"] form`).evaluate((form) =>
      [...form.querySelectorAll('input, select, textarea')].filter((el) => !(el as HTMLInputElement).labels?.length).map((el) => (el as HTMLInputElement).name),
    );
    expect(unlabeled).toEqual([]);

    // switching the language keeps what was typed, and relabels the form
    await capacity.fill('999');
    await page.locator('button[data-lang="en"]').click();
    await page.getByRole('heading', { level: 1, name: /^Editing / }).waitFor();
    await page.getByLabel(/^Capacity/).waitFor();
    expect(await capacity.inputValue()).toBe('999');
    await context.close();
  });

  it('registers a new organization, confirms it current; a moderator rejects it with a reason the history keeps', async () => {
    const { page, context } = await openPage(browser, '/');
    await signInWithForm(page, user);
    await page.getByRole('link', { name: 'Regjistro një organizatë të re', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/me/new-organization');
    const name = `Qendra për familjen ${tag}`;
    await page.getByLabel('Emri (shqip)').fill(name);
    await page.getByLabel('Numri i regjistrimit').fill(`5${tag.slice(0, 3).replace(/\D/g, '1')}88`);
    await page.getByRole('button', { name: 'Regjistro organizatën', exact: true }).click();
    await page.waitForURL((u) => /^\/org\/[^/]+\/edit$/.test(u.pathname));
    const newId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);
    await page.locator('[data-testid="created-notice"]').waitFor();
    // its owner, pending verification
    expect(await page.locator(`[data-testid="members"] li`).textContent()).toContain(user.name);
    const created = await gql<{ organization: { name: string; verification: { status: string }; lastConfirmedAt: string | null } }>(
      'query($id: ID!) { organization(id: $id) { name verification { status } lastConfirmedAt } }',
      { id: newId },
    );
    expect(created.organization).toEqual({ name, verification: { status: 'UNVERIFIED' }, lastConfirmedAt: null });
    // "still current"
    await page.getByRole('button', { name: 'Konfirmo që profili është i përditësuar', exact: true }).click();
    await page.locator('[data-testid="editor-status"][data-saves="1"]').waitFor();
    await expect
      .poll(async () => (await gql<{ organization: { lastConfirmedAt: string | null } }>('query($id: ID!) { organization(id: $id) { lastConfirmedAt } }', { id: newId })).organization.lastConfirmedAt)
      .not.toBeNull();
    await context.close();

    const mod = await openPage(browser, '/');
    await signInWithForm(mod.page, moderator);
    await mod.page.goto('/moderation');
    const item = mod.page.locator(`li[data-kind="NEW_ORGANIZATION"][data-org-id="${newId}"]`);
    for (let n = 1; ; n++) {
      await mod.page.locator(`[data-testid="queue"][data-page="${n}"] li`).first().waitFor();
      if (await item.count()) break;
      await mod.page.getByRole('button', { name: 'Faqja tjetër', exact: true }).click();
    }
    const reason = 'Numri i regjistrimit nuk gjendet në regjistrin e OJQ-ve.';
    await item.getByLabel('Arsyeja').fill(reason);
    await item.getByRole('button', { name: 'Refuzo', exact: true }).click();
    await item.waitFor({ state: 'detached' });
    await mod.context.close();

    // the public history (signed out) shows the decision and its reason
    const anon = await openPage(browser, `/org/${newId}/history`);
    const decision = anon.page.locator('li.revision', { hasText: reason });
    await decision.waitFor();
    expect(await decision.locator('[data-testid="revision-author"]').textContent()).toBe(moderator.name);
    // signed out: no revert buttons
    expect(await anon.page.getByRole('button', { name: 'Kthe vlerat e mëparshme' }).count()).toBe(0);
    await anon.context.close();
  });
});
