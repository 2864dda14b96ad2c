import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, gql, openPage } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const searchArea = (page: Page) => page.locator('button.search-area').textContent();

describe('languages', () => {
  it('starts in Albanian, switches to English and Serbian, and remembers the choice', async () => {
    const cats = await gql<{ en: { code: string; name: string }[]; sq: { code: string; name: string }[] }>(
      '{ en: serviceCategories { code name(lang: EN) } sq: serviceCategories { code name(lang: SQ) } }',
    );
    const root = cats.sq[0]!;
    const enName = cats.en.find((c) => c.code === root.code)!.name;
    const label = (page: Page) => page.locator(`input[name="cat"][value="${root.code}"] + span`).textContent();

    const { page, context } = await openPage(browser, '/');
    expect(await searchArea(page)).toBe('Kërko në këtë zonë');
    expect(await page.getAttribute('html', 'lang')).toBe('sq');
    expect(await page.getAttribute('.leaflet-control-zoom-in', 'title')).toBe('Zmadho');
    await page.locator(`input[name="cat"][value="${root.code}"]`).waitFor({ state: 'attached' });
    expect(await label(page)).toBe(root.name);

    // the chosen language's texts load on demand (the first load carries Albanian only): the page switches once they are in
    await page.locator('button[data-lang="en"]').click();
    await expect.poll(() => searchArea(page)).toBe('Search this area');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('button[data-lang="en"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getAttribute('.leaflet-control-zoom-in', 'title')).toBe('Zoom in');
    // data names come from the API in the chosen language
    await expect.poll(() => label(page)).toBe(enName);

    await page.reload();
    await expect.poll(() => searchArea(page)).toBe('Search this area');
    expect(await page.evaluate(() => localStorage.getItem('civimap.lang'))).toBe('en');

    await page.locator('button[data-lang="sr"]').click();
    await expect.poll(() => searchArea(page)).toBe('Traži u ovoj oblasti');
    expect(await page.getAttribute('html', 'lang')).toBe('sr-Latn');
    await context.close();
  });
});

describe('keyboard', () => {
  const active = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName, href: el?.getAttribute('href') ?? null, id: el?.id ?? null, cls: el?.className ?? '', text: el?.textContent ?? '' };
    });
  const links = (page: Page) => page.locator('.result-list a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

  it('walks the result list with the keyboard alone: skip link, tab, arrows, show more, enter', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.locator('.result-list a.result-link').first().waitFor();
    const hrefs = await links(page);
    expect(hrefs.length).toBe(25);

    await page.keyboard.press('Tab');
    expect((await active(page)).text).toBe('Kalo te lista e organizatave');
    await page.keyboard.press('Enter');
    expect((await active(page)).id).toBe('results');
    await page.keyboard.press('Tab');
    expect((await active(page)).href).toBe(hrefs[0]);
    // the focused link is visibly marked, and its organization's sites are ringed on the map
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    const firstId = decodeURIComponent(hrefs[0]!.replace('/org/', ''));
    const sites = (await gql<{ organization: { locations: unknown[] } }>('query($id: ID!) { organization(id: $id) { locations { id } } }', { id: firstId }))
      .organization.locations.length;
    await expect.poll(() => page.locator('path.cm-highlight').count()).toBe(sites);

    await page.keyboard.press('ArrowDown');
    expect((await active(page)).href).toBe(hrefs[1]);
    await page.keyboard.press('ArrowDown');
    expect((await active(page)).href).toBe(hrefs[2]);
    await page.keyboard.press('ArrowUp');
    expect((await active(page)).href).toBe(hrefs[1]);
    await page.keyboard.press('Tab');
    expect((await active(page)).href).toBe(hrefs[2]);
    await page.keyboard.press('End');
    expect((await active(page)).href).toBe(hrefs[24]);
    await page.keyboard.press('Home');
    expect((await active(page)).href).toBe(hrefs[0]);

    // next page by cursor: "show more" appends and moves the focus to the first new organization
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    expect((await active(page)).text).toBe('Shfaq më shumë');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await links(page)).length).toBe(50);
    const all = await links(page);
    expect(new Set(all).size).toBe(50);
    expect(all.slice(0, 25)).toEqual(hrefs);
    await expect.poll(async () => (await active(page)).href).toBe(all[25]);
    const api = await gql<{ organizations: { edges: { node: { id: string } }[] } }>('{ organizations(first: 50, orderBy: NAME) { edges { node { id } } } }');
    expect(all.map((h) => decodeURIComponent(h!.replace('/org/', '')))).toEqual(api.organizations.edges.map((e) => e.node.id));

    await page.keyboard.press('ArrowDown');
    const target = (await active(page)).href!;
    expect(target).toBe(all[26]);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === target);
    await page.locator('h1').waitFor();
    await context.close();
  });

  it('reaches every filter control with Tab and changes a filter with the keyboard', async () => {
    const { page, context } = await openPage(browser, '/');
    await page.locator('.result-list a.result-link').first().waitFor();
    await page.locator('input[type="search"]').focus();
    await page.keyboard.type('zzzz-no-such-organization');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=zzzz/);
    await expect.poll(() => page.getAttribute('[data-testid="result-count"]', 'data-count')).toBe('0');
    const api = await gql<{ organizations: { totalCount: number } }>('{ organizations(filter: { text: "zzzz-no-such-organization" }) { totalCount } }');
    expect(api.organizations.totalCount).toBe(0);
    // verified checkbox by keyboard
    await page.locator('input[name="verified"]').focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/verified=1/);
    expect(await page.locator('input[name="verified"]').isChecked()).toBe(true);
    await context.close();
  });
});
