// Issue 4 end to end, a newcomer's journey: a new user registers in the browser and confirms the
// address with the link from the outbox mail (issue 11), claims a demo organization, a moderator (made
// with the API's own command line) approves the claim, the user edits a service and moves a site on
// the map picker, and the public profile shows the change and its history. Also: a stale save is
// refused and offered a reload, the API's userErrors show next to their fields, and revert. A
// returning user's journey (password reset, the keyboard, a new organization) is
// accounts-returning.e2e.test.ts.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runApiCli } from './harness.mjs';
import { axeViolations } from './a11y';
import { connectBrowser, gql, openPage, pageGql } from './helpers';
import { linkTokenFromMail, signInWithForm } from './users';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const databaseUrl = inject('databaseUrl');
const tag = randomBytes(4).toString('hex');
const user = { name: `Drita Editor ${tag}`, email: `drita-${tag}@example.org`, password: 'Kosovo-services-2026' };
const moderator = { name: `Moderatori ${tag}`, email: `mod-${tag}@example.org`, password: 'Moderator-queue-2026' };

interface ApiOrg {
  id: string;
  name: string;
  services: { id: string; name: string; capacity: number | null }[];
  locations: { id: string; municipality: { code: string }; point: { lat: number; lng: number } }[];
}

const ORG_FIELDS = 'id name services { id name capacity } locations { id municipality { code } point { lat lng } }';

async function apiOrg(id: string): Promise<ApiOrg> {
  return (await gql<{ organization: ApiOrg }>(`query($id: ID!) { organization(id: $id) { ${ORG_FIELDS} } }`, { id })).organization;
}

/** The field's error as a screen reader finds it: through the control's aria-describedby. */
async function describedError(page: Page, control: string): Promise<string> {
  return page.locator(control).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

let orgId = '';
let serviceId = '';
let locationId = '';
let oldCapacity: number | null = null;
const newCapacity = 4321;

describe('accounts, claims, editing and history', () => {
  it('registers a new user in the browser, confirms the address from the mail and is signed in', async () => {
    const { page, context, outside } = await openPage(browser, '/');
    await page.getByRole('link', { name: 'Regjistrohu', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/register');
    // a weak password: the API's userError sits next to the password field
    await page.locator('input[name="displayName"]').fill(user.name);
    await page.locator('input[name="email"]').fill(user.email);
    await page.locator('input[name="password"]').fill('short');
    await page.locator('form button[type="submit"]').click();
    await page.locator('[data-field-error="password"]').waitFor();
    expect(await page.locator('input[name="password"]').getAttribute('aria-invalid')).toBe('true');
    expect(await describedError(page, 'input[name="password"]')).toMatch(/12/);

    await page.locator('input[name="password"]').fill(user.password);
    await page.locator('form button[type="submit"]').click();
    // the page says the same whether or not the address has an account: check your mail
    await page.locator('[data-testid="check-mail"]').waitFor();
    expect(await page.locator('[data-testid="check-mail"]').textContent()).toContain(user.email);
    expect(await axeViolations(page)).toEqual([]);

    // not confirmed yet: signing in is refused, with a way to get a new link
    await page.goto('/signin');
    await page.locator('form input[name="email"]').fill(user.email);
    await page.locator('form input[name="password"]').fill(user.password);
    await page.locator('form button[type="submit"]').click();
    await page.getByRole('link', { name: 'Dërgo përsëri lidhjen e konfirmimit', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');

    // the link from the mail (in development: the outbox) confirms the address and signs in
    const token = await linkTokenFromMail(user.email, 'email-confirmation', '/confirm-email');
    await page.goto(`/confirm-email?token=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Konfirmoni adresën e email-it' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Konfirmo dhe hyr', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/me');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Organizatat e mia');
    expect(await page.locator('[data-testid="account-nav"]').textContent()).toContain(user.name);
    expect(await page.locator('[data-testid="memberships"] li').count()).toBe(0);

    // signing out and in again works with the cookie session
    await page.getByRole('button', { name: 'Dil', exact: true }).click();
    await page.getByRole('link', { name: 'Hyr', exact: true }).waitFor();
    await signInWithForm(page, user);
    // the link works once: opened again it says so and offers a new one
    await page.goto(`/confirm-email?token=${token}`);
    await page.getByRole('button', { name: 'Konfirmo dhe hyr', exact: true }).click();
    await page.locator('[data-testid="form-errors"]').filter({ hasText: 'already used' }).waitFor();
    await page.getByRole('button', { name: 'Dërgo një lidhje të re', exact: true }).waitFor();
    expect(outside).toEqual([]);
    await context.close();
  });

  it('claims a demo organization from its public profile', async () => {
    const list = await gql<{ organizations: { edges: { node: ApiOrg }[] } }>(
      `{ organizations(first: 50, orderBy: NAME) { edges { node { ${ORG_FIELDS} } } } }`,
    );
    const org = list.organizations.edges.map((e) => e.node).find((o) => o.services.length > 0 && o.locations.length > 0)!;
    expect(org).toBeTruthy();
    orgId = org.id;
    serviceId = org.services[0]!.id;
    locationId = org.locations[0]!.id;
    oldCapacity = org.services[0]!.capacity;

    const { page, context } = await openPage(browser, '/');
    await signInWithForm(page, user);
    await page.goto(`/org/${orgId}`);
    await page.getByRole('button', { name: 'Kërko menaxhimin e kësaj organizate' }).click();
    await page.getByLabel('Kush jeni ju në këtë organizatë?').fill('Jam drejtoreshë e programeve të kësaj organizate.');
    await page.getByRole('button', { name: 'Dërgo kërkesën' }).click();
    await page.locator('[data-testid="claim-sent"]').waitFor();
    // the user has no edit right yet
    expect(await page.locator('[data-testid="profile-actions"] a', { hasText: 'Redakto' }).count()).toBe(0);
    await page.goto('/me');
    await page.locator('[data-testid="claims"] li[data-status="PENDING"]').waitFor();
    await context.close();
  });

  it('a moderator made with the command line approves the claim in the queue', async () => {
    expect(databaseUrl).toBeTruthy();
    const out = await runApiCli(
      'user-create',
      ['--role', 'moderator', '--email', moderator.email, '--password', moderator.password, '--name', moderator.name],
      { ...process.env, DATABASE_URL: databaseUrl, DEMO_DATA: 'off', LOG_LEVEL: 'warn' } as Record<string, string>,
    );
    expect(out).toContain(moderator.email);

    const { page, context } = await openPage(browser, '/');
    await signInWithForm(page, moderator);
    await page.getByRole('link', { name: 'Radha e moderimit' }).click();
    await page.waitForURL((u) => u.pathname === '/moderation');
    const item = page.locator(`li[data-kind="PENDING_CLAIM"][data-org-id="${orgId}"]`);
    // claims only, newest first: the claim made a moment ago is on the first page
    await page.getByRole('radio', { name: /^Kërkesë për menaxhim \(\d+\)$/ }).check();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'PENDING_CLAIM');
    await page.getByLabel('Renditja').selectOption('NEWEST_FIRST');
    await page.waitForURL((u) => u.searchParams.get('order') === 'NEWEST_FIRST');
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-testid="queue"]').getAttribute('data-page')).toBe('1');
    await expect.poll(() => page.locator('[data-testid="queue"] > li').evaluateAll((lis) => [...new Set(lis.map((li) => (li as HTMLElement).dataset.kind))])).toEqual(['PENDING_CLAIM']);
    const api = await pageGql<{ verificationQueue: { totalCount: number; edges: { node: { organization: { id: string } } }[] } }>(
      page,
      '{ verificationQueue(first: 1, kinds: [PENDING_CLAIM], order: NEWEST_FIRST) { totalCount edges { node { organization { id } } } } }',
    );
    expect(api.verificationQueue.edges[0]!.node.organization.id).toBe(orgId);
    expect(await page.locator('label[data-kind="PENDING_CLAIM"]').getAttribute('data-count')).toBe(String(api.verificationQueue.totalCount));
    expect(await page.locator('[data-testid="queue-count"]').getAttribute('data-count')).toBe(String(api.verificationQueue.totalCount));
    // words of the name find it too (without diacritics)
    const orgName = (await item.locator('h2 a').textContent())!;
    const word = orgName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/\s+/).find((w) => /^\p{L}{4,}$/u.test(w))!;
    await page.getByLabel('Emri i organizatës').fill(word);
    await page.getByLabel('Emri i organizatës').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === word);
    const searched = await pageGql<{ verificationQueue: { totalCount: number } }>(page, '{ verificationQueue(first: 1, kinds: [PENDING_CLAIM], search: ' + JSON.stringify(word) + ') { totalCount } }');
    expect(searched.verificationQueue.totalCount).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid="queue-count"]').getAttribute('data-count'), { timeout: 20_000 }).toBe(String(searched.verificationQueue.totalCount));
    await expect.poll(() => item.count(), { timeout: 20_000 }).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await item.textContent()).toContain(user.name);
    // a rejection needs a reason: refused in the browser, the reason field says why
    await item.getByRole('button', { name: 'Refuzo', exact: true }).click();
    expect(await describedError(page, `li[data-org-id="${orgId}"][data-kind="PENDING_CLAIM"] textarea`)).toContain('Shkruani arsyen');
    await item.getByRole('button', { name: 'Mirato', exact: true }).click();
    await item.waitFor({ state: 'detached' });
    // the decision moves on: the focus is on the next item's heading (or, with none left, the page's)
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toMatch(/^H[12]$/);
    await context.close();
  });

  it('the owner edits a service and moves a site on the map picker; the profile shows both and the history', async () => {
    const { page, context, outside } = await openPage(browser, '/');
    await signInWithForm(page, user);
    const membership = page.locator(`[data-testid="memberships"] li[data-org-id="${orgId}"]`);
    await membership.waitFor();
    expect(await membership.textContent()).toContain('Pronar');
    await membership.getByRole('link', { name: 'Redakto', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/org/${orgId}/edit`);

    // the service: a new capacity
    const service = page.locator(`details[data-service-id="${serviceId}"]`);
    await service.locator('summary').click();
    await service.locator('input[name="capacity"]').fill(String(newCapacity));
    await service.locator('button[type="submit"]').click();
    await expect.poll(async () => (await apiOrg(orgId)).services.find((s) => s.id === serviceId)!.capacity).toBe(newCapacity);
    await page.locator('[data-testid="editor-status"][data-saves="1"]').waitFor();

    // the site: click the map a little north-east of its marker
    const before = (await apiOrg(orgId)).locations.find((l) => l.id === locationId)!;
    const site = page.locator(`details[data-location-id="${locationId}"]`);
    await site.locator('summary').click();
    const marker = site.locator('[data-testid="location-picker"] .cm-picker');
    await marker.waitFor();
    await site.locator('[data-testid="location-picker"]').scrollIntoViewIfNeeded();
    const box = (await marker.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 60, box.y + box.height / 2 - 40);
    await expect.poll(() => site.locator('input[name="lat"]').inputValue()).not.toBe(String(before.point.lat));
    const clickedLat = Number(await site.locator('input[name="lat"]').inputValue());
    const clickedLng = Number(await site.locator('input[name="lng"]').inputValue());
    expect(clickedLat).toBeGreaterThan(before.point.lat);
    expect(clickedLng).toBeGreaterThan(before.point.lng);
    // the marker moved to the clicked point
    const moved = (await marker.boundingBox())!;
    expect(Math.abs(moved.x - box.x - 60)).toBeLessThan(2);
    expect(Math.abs(moved.y - box.y + 40)).toBeLessThan(2);
    // then drag it 30 px further east (the picker then asks the API which municipality the point is in)
    const located = page.waitForResponse((r) => (r.request().postData() ?? '').includes('municipalityAt'));
    await page.mouse.move(moved.x + moved.width / 2, moved.y + moved.height / 2);
    await page.mouse.down();
    await page.mouse.move(moved.x + moved.width / 2 + 15, moved.y + moved.height / 2, { steps: 3 });
    await page.mouse.move(moved.x + moved.width / 2 + 30, moved.y + moved.height / 2, { steps: 3 });
    await page.mouse.up();
    await expect.poll(async () => Number(await site.locator('input[name="lng"]').inputValue())).toBeGreaterThan(clickedLng);
    const lat = Number(await site.locator('input[name="lat"]').inputValue());
    const lng = Number(await site.locator('input[name="lng"]').inputValue());
    expect(lat).toBeCloseTo(clickedLat, 4);
    // save once the municipality of the dragged point is known, as a user sees it set
    await located;
    await expect.poll(async () => (await site.locator('[data-testid="point-municipality"]').getAttribute('data-code')) ?? '').not.toBe('');
    await site.locator('button[type="submit"]').click();
    await expect.poll(async () => (await apiOrg(orgId)).locations.find((l) => l.id === locationId)!.point).toEqual({ lat, lng });

    // the public profile shows the change (a fresh load, and the in-app link)
    await page.getByRole('link', { name: 'Profili publik' }).first().click();
    await page.waitForURL((u) => u.pathname === `/org/${orgId}`);
    const svcName = (await apiOrg(orgId)).services.find((s) => s.id === serviceId)!.name;
    const card = page.locator('#services ~ ul .card', { has: page.locator('h3', { hasText: svcName }) }).first();
    await expect.poll(() => card.textContent()).toContain(String(newCapacity));
    await page.locator('[data-testid="sites-map"] .cm-site').first().waitFor();

    // … and its history: who changed what, old → new
    await page.locator('[data-testid="profile-actions"]').getByRole('link', { name: 'Historiku', exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/org/${orgId}/history`);
    const serviceRevision = page.locator('li.revision[data-entity-type="Service"][data-action="UPDATE"]', { has: page.locator('tr[data-field="capacity"]') }).first();
    const capacityRow = serviceRevision.locator('tr[data-field="capacity"]');
    await capacityRow.waitFor();
    expect(await capacityRow.locator('.diff-old').textContent()).toBe(oldCapacity == null ? '—' : String(oldCapacity));
    expect(await capacityRow.locator('.diff-new').textContent()).toBe(String(newCapacity));
    expect(await serviceRevision.locator('[data-testid="revision-author"]').textContent()).toBe(user.name);
    expect(await serviceRevision.locator('.revision-head').textContent()).toContain(svcName);
    const latRow = page.locator(`li.revision[data-entity-type="Location"][data-action="UPDATE"] tr[data-field="lat"]`).first();
    expect(await latRow.locator('.diff-old').textContent()).toBe(String(before.point.lat));
    expect(await latRow.locator('.diff-new').textContent()).toBe(String(lat));
    // the approved claim made the user a member: that is in the public history too, by the moderator
    const joined = page.locator('li.revision[data-entity-type="Membership"][data-action="CREATE"]').first();
    expect(await joined.locator('[data-testid="revision-author"]').textContent()).toBe(moderator.name);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('refuses a stale save, says someone else saved first and reloads on request; userErrors sit next to their fields', async () => {
    const { page, context } = await openPage(browser, '/');
    await signInWithForm(page, user);
    await page.goto(`/org/${orgId}/edit`);
    const service = page.locator(`details[data-service-id="${serviceId}"]`);
    await service.locator('summary').click();
    await service.locator('input[name="capacity"]').fill('77');

    // meanwhile another tab of the same owner saves the service
    const current = await context.request.post('/graphql', {
      headers: { 'x-civimap-csrf': '1' },
      data: { query: `query($id: ID!) { node(id: $id) { ... on Service { version } } }`, variables: { id: serviceId } },
    });
    const version = ((await current.json()) as { data: { node: { version: number } } }).data.node.version;
    const other = await context.request.post('/graphql', {
      headers: { 'x-civimap-csrf': '1' },
      data: {
        query: `mutation($input: UpdateServiceInput!) { updateService(input: $input) { service { capacity } userErrors { code } } }`,
        variables: { input: { id: serviceId, version, capacity: 88 } },
      },
    });
    expect(((await other.json()) as { data: { updateService: { userErrors: unknown[] } } }).data.updateService.userErrors).toEqual([]);

    await service.locator('button[type="submit"]').click();
    const stale = service.locator('[data-testid="stale-notice"]');
    await stale.waitFor();
    expect(await stale.getAttribute('role')).toBe('alert');
    // nothing was overwritten
    expect((await apiOrg(orgId)).services.find((s) => s.id === serviceId)!.capacity).toBe(88);
    await stale.getByRole('button', { name: 'Ringarko' }).click();
    await expect.poll(() => service.locator('input[name="capacity"]').inputValue()).toBe('88');

    // a javascript: address is refused by the API; the message is tied to the field
    await page.locator('[data-testid="profile-form"] input[name="website"]').fill('javascript:alert(1)');
    await page.locator('[data-testid="profile-form"] button[type="submit"]').click();
    await page.locator('[data-testid="profile-form"] [data-field-error="website"]').waitFor();
    expect(await page.locator('[data-testid="profile-form"] input[name="website"]').getAttribute('aria-invalid')).toBe('true');
    // the focus moves to the field to fix
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('website');
    expect(await describedError(page, '[data-testid="profile-form"] input[name="website"]')).toMatch(/http/);

    // a point outside Kosovo: the error names the point's field
    const site = page.locator(`details[data-location-id="${locationId}"]`);
    await site.locator('summary').click();
    await site.locator('input[name="lat"]').fill('45.5');
    await site.locator('input[name="lng"]').fill('15.2');
    await site.locator('button[type="submit"]').click();
    await site.locator('[data-field-error="lat"]').waitFor();
    expect(await describedError(page, `details[data-location-id="${locationId}"] input[name="lat"]`)).not.toBe('');
    await context.close();
  });

  it('the owner reverts a change from the history', async () => {
    const { page, context } = await openPage(browser, '/');
    await signInWithForm(page, user);
    await page.goto(`/org/${orgId}/history`);
    // the newest capacity change (88, from the other tab) is reverted to the owner's 4321
    const revision = page.locator('li.revision[data-entity-type="Service"][data-action="UPDATE"]', { has: page.locator('tr[data-field="capacity"]') }).first();
    await revision.waitFor();
    expect(await revision.locator('tr[data-field="capacity"] .diff-new').textContent()).toBe('88');
    await revision.getByRole('button', { name: 'Kthe vlerat e mëparshme' }).click();
    await page.locator('li.revision[data-action="REVERT"]').first().waitFor();
    await expect.poll(async () => (await apiOrg(orgId)).services.find((s) => s.id === serviceId)!.capacity).toBe(newCapacity);
    await context.close();
  });
});
