// Issue 13, "everyone can sign out, read and move around", for the shell every page shares: the
// header's contrast in every state (signed out and in, at rest, hovered, focused), signing out
// from the visible control, each route's own title and the focus on its heading after a route
// change, and what the server answers for files and pages that do not exist.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../src/shared/i18n/locales/en.json';
import { contrastProblems, type ContrastProblem } from './a11y';
import { baseURL, connectBrowser, gql, openPage } from './helpers';
import { createUser, sessionOf, signInFromPage, type TestUser } from './users';

let browser: Browser;
let admin: TestUser;
beforeAll(async () => {
  browser = await connectBrowser();
  admin = await createUser('admin');
});
afterAll(async () => {
  await browser?.close();
});

const HEADER = '[data-testid="site-header"]';

/** Every control of the header at rest, hovered and focused (by the keyboard): its contrast problems. */
async function headerStates(page: Page): Promise<ContrastProblem[]> {
  const problems: ContrastProblem[] = [...(await contrastProblems(page, HEADER))];
  const controls = page.locator(`${HEADER} a, ${HEADER} button`);
  const n = await controls.count();
  expect(n).toBeGreaterThan(5);
  for (let i = 0; i < n; i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible())) continue;
    await control.hover();
    const state = await control.evaluate((el, i) => {
      el.setAttribute('data-contrast-probe', String(i));
      return el.textContent?.trim() ?? '';
    }, i);
    for (const p of await contrastProblems(page, HEADER, `[data-contrast-probe="${i}"]`)) problems.push({ ...p, text: `hover ${state}: ${p.text}` });
  }
  await page.mouse.move(0, 700);
  // keyboard focus: Tab from the top of the page through the header (the skip link comes first)
  await page.locator('body').focus();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < n + 2; i++) {
    await page.keyboard.press('Tab');
    const inHeader = await page.evaluate((sel) => Boolean(document.activeElement?.closest(sel)), HEADER);
    if (!inHeader) continue;
    await page.evaluate(() => document.activeElement!.setAttribute('data-contrast-probe', 'focus'));
    for (const p of await contrastProblems(page, HEADER, '[data-contrast-probe="focus"]')) problems.push({ ...p, text: `focus: ${p.text}` });
    // the focus ring must stand out from the header's blue (3:1 for a non-text indicator)
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
    });
    expect(ring.style, 'focus ring').not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await page.evaluate(() => document.activeElement!.removeAttribute('data-contrast-probe'));
  }
  return problems;
}

describe('the header', () => {
  it('has enough contrast in every state, signed out and signed in, and signs out from a visible control', async () => {
    const { page, context, outside } = await openPage(browser, '/coverage');
    await page.locator('[data-testid="account-nav"] a').first().waitFor();
    await page.evaluate(() => localStorage.setItem('civimap.lang', 'en'));
    await page.reload();
    await page.locator('[data-testid="account-nav"] a').first().waitFor();
    expect(await headerStates(page)).toEqual([]);

    await signInFromPage(page, admin);
    await page.reload();
    const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
    await signOut.waitFor();
    expect(await page.locator('.account-name').textContent()).toBe(admin.name);
    expect(await headerStates(page)).toEqual([]);

    // visible: on screen, and its text stands out from the header (the bug: #0b3d91 on #0b3d91)
    expect(await signOut.isVisible()).toBe(true);
    await signOut.evaluate((el) => el.setAttribute('data-contrast-probe', 'signout'));
    expect(await contrastProblems(page, HEADER, '[data-contrast-probe="signout"]')).toEqual([]);
    await signOut.click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    expect(await sessionOf(page)).toBeNull();
    expect(outside).toEqual([]);
    await context.close();
  });

  it('on a phone folds into one row with a menu, and signs out from the menu', async () => {
    const { page, context } = await openPage(browser, '/contracts', { viewport: { width: 375, height: 812 } });
    await signInFromPage(page, admin);
    await page.evaluate(() => localStorage.setItem('civimap.lang', 'en'));
    await page.reload();
    const toggle = page.locator('[data-testid="menu-toggle"]');
    await toggle.waitFor();
    const height = await page.locator(HEADER).evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(56);
    expect(await page.getByRole('button', { name: 'Sign out', exact: true }).isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await contrastProblems(page, HEADER)).toEqual([]);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    // the new page closes the menu: the sign-in link is there, folded away
    await page.locator('[data-testid="account-nav"] a[href^="/signin"]').waitFor({ state: 'attached' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await sessionOf(page)).toBeNull();
    await context.close();
  });
});

describe('route changes', () => {
  /** The document title and the focused element after following a link of the header. */
  async function follow(page: Page, name: string) {
    await page.getByRole('link', { name, exact: true }).first().click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 15_000 }).catch(() => {});
    return page.evaluate(() => ({ title: document.title, focused: document.activeElement?.tagName ?? '', heading: document.activeElement?.textContent ?? '', path: location.pathname }));
  }

  it('give every page its own title and move the focus to its heading', async () => {
    const { page, context } = await openPage(browser, '/');
    await signInFromPage(page, admin);
    await page.evaluate(() => localStorage.setItem('civimap.lang', 'en'));
    await page.reload();
    await page.locator('[data-testid="account-nav"] button').waitFor();
    expect(await page.title()).toBe(`civimap · ${en.app.tagline}`);

    const steps: [string, string, string][] = [
      ['Coverage', '/coverage', en.coverage.title],
      ['Contracts', '/contracts', en.contracts.title],
      [en.officer.nav.import, '/import', en.officer.title.import],
      [en.moderation.title, '/moderation', en.moderation.title],
      [en.account.myOrganizations, '/me', en.account.myOrganizations],
      [en.officer.nav.contracting, '/contracting', en.officer.title.contracting],
      // Record contract is linked from the contracting page
      [en.recordContract.link, '/contracting/record', en.officer.title.recordContract],
      ['Map', '/', en.app.tagline],
    ];
    for (const [link, path, title] of steps) {
      const seen = await follow(page, link);
      expect(seen.path).toBe(path);
      expect(seen.focused, link).toBe('H1');
      expect(seen.heading.trim(), link).toBe(title);
      expect(seen.title, link).toBe(path === '/' ? `civimap · ${en.app.tagline}` : `${title} · civimap`);
    }
    // back and forward are route changes too
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/contracting/record');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1', null, { timeout: 15_000 });
    expect(await page.title()).toBe(`${en.officer.title.recordContract} · civimap`);
    await context.close();
  });

  it('answers an unknown page with a heading, its own title and 404', async () => {
    const { page, context } = await openPage(browser, '/no-such-page');
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Faqja nuk u gjet');
    expect(await page.title()).toBe('Faqja nuk u gjet · civimap');
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    await context.close();
  });
});

describe('data in another language than the UI', () => {
  it('is marked with its lang: an Albanian-only name in the Serbian UI, in the list and on the profile', async () => {
    const data = await gql<{ organizations: { edges: { node: { id: string; names: { sq: string; sr: string | null }; descriptions: { sq: string | null; sr: string | null } } }[] } }>(
      '{ organizations(first: 100, orderBy: NAME) { edges { node { id names { sq sr } descriptions { sq sr } } } } }',
    );
    const nodes = data.organizations.edges.map((e) => e.node);
    const albanianOnly = nodes.find((n) => !n.names.sr && n.descriptions.sq && !n.descriptions.sr);
    const translated = nodes.find((n) => n.names.sr);
    expect(albanianOnly, 'the demo data has organizations named in Albanian only').toBeTruthy();
    const { page, context } = await openPage(browser, '/');
    await page.evaluate(() => localStorage.setItem('civimap.lang', 'sr'));
    await page.goto(`/?q=${encodeURIComponent(albanianOnly!.names.sq)}`);
    const item = page.locator(`li[data-org-id="${albanianOnly!.id}"] .result-name [lang]`).first();
    await item.waitFor();
    expect(await item.getAttribute('lang')).toBe('sq');
    expect(await item.textContent()).toBe(albanianOnly!.names.sq);

    await page.goto(`/org/${encodeURIComponent(albanianOnly!.id)}`);
    const heading = page.locator('h1 [lang="sq"]');
    await heading.waitFor();
    expect(await heading.textContent()).toBe(albanianOnly!.names.sq);
    expect(await page.locator('p.description').getAttribute('lang')).toBe('sq');
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Latn');
    if (translated) {
      // a name the record has in Serbian is not marked: it is in the page's language
      await page.goto(`/org/${encodeURIComponent(translated.id)}`);
      await page.locator('h1').waitFor();
      expect(await page.locator('h1').textContent()).toContain(translated.names.sr!);
      expect(await page.locator('h1 [lang]').count()).toBe(0);
    }
    await context.close();
  });
});

describe('files and paths the server answers', () => {
  it('serves robots.txt and the favicon, 404 for unknown files, and the app for its pages', async () => {
    const robots = await fetch(`${baseURL}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(await robots.text()).toMatch(/^User-agent: \*$/m);
    for (const icon of ['/favicon.ico', '/favicon.svg']) {
      const res = await fetch(`${baseURL}${icon}`);
      expect(res.status, icon).toBe(200);
      expect(res.headers.get('content-type'), icon).toMatch(/^image\//);
    }
    const html = { accept: 'text/html,*/*;q=0.8' };
    for (const path of ['/foo.txt', '/assets/missing.js', '/favicon.png']) {
      expect((await fetch(`${baseURL}${path}`, { headers: html })).status, path).toBe(404);
    }
    for (const path of ['/', '/coverage', '/contracts', '/contracting', '/contracting/record', '/import', '/org/anything', '/me', '/signin']) {
      const res = await fetch(`${baseURL}${path}`, { headers: html });
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('<div id="root">');
    }
  });
});
