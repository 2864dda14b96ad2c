// Issue 13: the phone (375 x 812) as a first-class layout. The header and the demo banner leave the
// screen to the content (they took 310 of 812 px), a toggle switches between the list and the
// map, the filters open in a sheet, and every interactive target is at least 24 px.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallTargets } from './a11y';
import { connectBrowser, gql, openPage, resultCount } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { width: 375, height: 812 };

const bottomOf = (page: Page, selector: string) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().bottom);
const visible = (page: Page, selector: string) => page.locator(selector).evaluate((el) => getComputedStyle(el).visibility === 'visible');

describe('the map page on a phone', () => {
  it('leaves the screen to the content, switches list and map, and filters in a sheet', async () => {
    const { page, context, outside } = await openPage(browser, '/', { viewport: PHONE });
    await page.locator('[data-testid="phone-bar"]').waitFor();
    await page.locator('[data-testid="demo-banner"]').waitFor();
    // header, banner and the bar together: under a sixth of the screen
    expect(await bottomOf(page, '[data-testid="phone-bar"]')).toBeLessThanOrEqual(140);
    expect(await page.locator('.banner-short').isVisible()).toBe(true);
    expect(await page.locator('.banner-long').isVisible()).toBe(false);

    // the map pane first: the map fills the rest of the screen, the list is hidden
    expect(await visible(page, '.map-section')).toBe(true);
    expect(await visible(page, '.sidebar')).toBe(false);
    const mapHeight = await page.locator('.map').evaluate((el) => el.getBoundingClientRect().height);
    expect(mapHeight).toBeGreaterThan(600);
    expect(await smallTargets(page)).toEqual([]);

    await page.locator('.pane-toggle button[data-pane="list"]').click();
    expect(await page.locator('.pane-toggle button[data-pane="list"]').getAttribute('aria-pressed')).toBe('true');
    expect(await visible(page, '.sidebar')).toBe(true);
    expect(await visible(page, '.map-section')).toBe(false);
    await page.locator('.result-list a.result-link').first().waitFor();
    // the first result is on the first screen
    expect(await bottomOf(page, '.result-list li:first-child')).toBeLessThan(PHONE.height);
    expect(await smallTargets(page)).toEqual([]);

    // the filters: a modal sheet with the search; the text filter applies, Escape closes it
    await page.locator('[data-testid="open-filters"]').click();
    const sheet = page.locator('[data-testid="filter-sheet"]');
    await expect.poll(() => sheet.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await smallTargets(page, '[data-testid="filter-sheet"]')).toEqual([]);
    const api = await gql<{ organizations: { totalCount: number } }>('{ organizations(filter: { text: "shtepi" }) { totalCount } }');
    await sheet.locator('input[type="search"]').fill('shtepi');
    await page.waitForURL(/q=shtepi/);
    // (Escape inside a search field clears the field first, as browsers do: leave it, then close)
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-filters');
    await expect.poll(() => resultCount(page)).toBe(api.organizations.totalCount);
    expect(await page.locator('[data-testid="open-filters"] .count-badge').textContent()).toBe('1');

    // back to the map: the map still has its full size (it was laid out while hidden)
    await page.locator('.pane-toggle button[data-pane="map"]').click();
    expect(await page.locator('.map').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(600);

    // the skip link shows the list and focuses it
    await page.evaluate(() => (document.querySelector('.skip-link') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('results');
    expect(await visible(page, '.sidebar')).toBe(true);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('reads the site count on one line, inside the map, in sq, sr and en', async () => {
    // its box had half the map's width (left: 50% and a transform) and wrapped
    const { page, context } = await openPage(browser, '/', { viewport: PHONE });
    for (const lang of ['sq', 'sr', 'en']) {
      await page.evaluate((l) => localStorage.setItem('civimap.lang', l), lang);
      await page.reload();
      await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
      await page.waitForFunction(() => document.querySelector('[data-testid="site-count"]')?.getAttribute('data-count'));
      const count = await page.locator('[data-testid="site-count"]').evaluate((el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        const line = s.lineHeight === 'normal' ? parseFloat(s.fontSize) * 1.2 : parseFloat(s.lineHeight);
        return { lines: (r.height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom) - 2) / line, left: r.left, right: r.right, text: el.textContent };
      });
      expect(count.lines, `${lang}: ${count.text}`).toBeLessThan(1.5);
      expect(count.left, lang).toBeGreaterThanOrEqual(0);
      expect(count.right, lang).toBeLessThanOrEqual(PHONE.width);
    }
    await context.close();
  });
});

describe('targets on a phone', () => {
  it('are at least 24 px on the public pages', async () => {
    const org = (await gql<{ organizations: { edges: { node: { id: string } }[] } }>('{ organizations(first: 1, orderBy: NAME) { edges { node { id } } } }')).organizations.edges[0]!.node.id;
    const { page, context } = await openPage(browser, '/coverage', { viewport: PHONE });
    const found: string[] = [];
    for (const path of ['/coverage', '/contracts', `/org/${encodeURIComponent(org)}`, '/signin', '/register']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle').catch(() => {});
      await page.locator('h1').first().waitFor();
      for (const t of await smallTargets(page)) found.push(`${path}: ${t.selector} "${t.text}" ${t.width}x${t.height}`);
      // and the header's menu, open
      await page.locator('[data-testid="menu-toggle"]').click();
      for (const t of await smallTargets(page, '[data-testid="site-header"]')) found.push(`${path} menu: ${t.selector} "${t.text}" ${t.width}x${t.height}`);
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
