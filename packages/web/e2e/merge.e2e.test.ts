// Issue 13, "merge duplicate organizations", end to end: a moderator (made with the API's own command
// line) starts from a profile's "merge with…", picks the duplicate by name, chooses the duplicate's
// website, confirms, and both old ids resolve to the kept record: the duplicate's profile URL shows
// the kept profile under its own URL, and `node(id)` of the API gives the kept organization. The
// merge is undone from the kept record's history. axe finds no serious or critical violation on the
// page in sq, sr and en, and the page works on a phone (375 × 812).
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './a11y';
import { connectBrowser, gql, openPage, pageGql } from './helpers';
import { createUser, signInFromPage, type TestUser } from './users';

let browser: Browser;
let moderator: TestUser;
beforeAll(async () => {
  browser = await connectBrowser();
  moderator = await createUser('moderator');
});
afterAll(async () => {
  await browser?.close();
});

const tag = randomBytes(4).toString('hex');
const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { message } } }`;

async function createPair(page: Page, label: string): Promise<{ kept: string; merged: string }> {
  const make = async (sq: string, website: string) => {
    const r = await pageGql<any>(page, CREATE, { input: { names: { sq }, website } });
    expect(r.createOrganization.userErrors).toEqual([]);
    return r.createOrganization.organization.id as string;
  };
  return {
    kept: await make(`Qendra Bashkimi ${label}`, `https://bashkimi-${label}.example.org`),
    merged: await make(`Qendra e Bashkimit ${label}`, `https://bashkimit-${label}.example.org`),
  };
}

async function switchLanguage(page: Page, lang: string): Promise<void> {
  const button = page.locator(`button[data-lang="${lang}"]`);
  if ((await button.getAttribute('aria-pressed')) === 'true') return;
  if (!(await button.isVisible())) await page.locator('[data-testid="menu-toggle"]').click();
  await button.click();
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
}

describe('a moderator merges duplicates', () => {
  it('from a profile, by name, field by field; both old ids then resolve to the kept record; undone from the history', async () => {
    const { context, page } = await openPage(browser, '/');
    try {
      await signInFromPage(page, moderator);
      const pair = await createPair(page, tag);
      await page.goto(`/org/${pair.kept}`);
      await page.locator(`a[href="/moderation/merge?kept=${pair.kept}"]`).click();
      await page.locator(`[data-testid="merge-pick-kept"] [data-chosen-id="${pair.kept}"]`).waitFor();

      const duplicate = page.locator('[data-testid="merge-pick-merged"]');
      await duplicate.locator('input[type="search"]').fill(`Bashkimit ${tag}`);
      await duplicate.locator('button[type="submit"]').click();
      await duplicate.locator(`[data-candidate-id="${pair.merged}"]`).waitFor();
      expect(await axeViolations(page), 'the search for the duplicate').toEqual([]);
      await duplicate.locator(`[data-candidate-id="${pair.merged}"]`).click();
      const website = page.locator('[data-testid="merge-fields"] tr[data-field="website"]');
      await website.waitFor();
      await website.locator('input[value="MERGED"]').check();
      await expect(page.locator('[data-testid="merge-moves"] li[data-kind="revisions"]').getAttribute('data-count')).resolves.not.toBe('0');
      for (const lang of ['sq', 'sr', 'en']) {
        await switchLanguage(page, lang);
        expect(await axeViolations(page), lang).toEqual([]);
      }

      await page.locator('[data-testid="merge-review"]').click();
      await page.locator('[data-testid="merge-confirm-button"]').click();
      await page.locator('[data-testid="merge-done"]').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      const api = await gql<any>(`query($id: ID!) { node(id: $id) { id } organization(id: $id) { id website } }`, { id: pair.merged });
      expect(api.node.id).toBe(pair.kept);
      expect(api.organization).toEqual({ id: pair.kept, website: `https://bashkimit-${tag}.example.org` });

      await page.locator('[data-testid="merge-old-link"]').click();
      await page.locator(`article.profile[data-org-id="${pair.kept}"]`).waitFor();
      await page.waitForURL((url) => url.pathname === `/org/${pair.kept}`);
      // Opened afresh too: the duplicate's address is the kept profile, which says it was reached through a merged record.
      await page.goto(`/org/${pair.merged}`);
      await page.locator(`article.profile[data-org-id="${pair.kept}"]`).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/org/${pair.kept}`);
      const notice = page.locator('[data-testid="merged-notice"]');
      await expect(notice.getAttribute('data-merged-id')).resolves.toBe(pair.merged);
      for (const lang of ['sq', 'sr', 'en']) {
        await switchLanguage(page, lang);
        await expect(notice.textContent()).resolves.toContain(`Qendra Bashkimi ${tag}`);
        expect(await axeViolations(page), `merged notice, ${lang}`).toEqual([]);
      }
      await expect(notice.textContent()).resolves.toMatch(/merged into/);
      // the kept record's own address, opened from elsewhere, says nothing of a merge
      await page.goto('/');
      await page.goto(`/org/${pair.kept}`);
      await page.locator(`article.profile[data-org-id="${pair.kept}"] h1`).waitFor();
      await expect(page.locator('[data-testid="merged-notice"]').count()).resolves.toBe(0);

      await page.goto(`/org/${pair.kept}/history`);
      const undo = page.locator(`[data-testid="undo-merges"] li[data-merged-id="${pair.merged}"] button`);
      await undo.click();
      await page.locator('[data-testid="undo-merges"]').waitFor({ state: 'detached' });
      const back = await gql<any>(`query($id: ID!) { organization(id: $id) { id website } }`, { id: pair.merged });
      expect(back.organization).toEqual({ id: pair.merged, website: `https://bashkimit-${tag}.example.org` });
      await page.goto(`/org/${pair.merged}`);
      await page.locator(`article.profile[data-org-id="${pair.merged}"]`).waitFor();
    } finally {
      await context.close();
    }
  });

  it('on a phone: the comparison fits the screen (the table scrolls in its own box) and the merge goes through', async () => {
    const { context, page } = await openPage(browser, '/', { viewport: { width: 375, height: 812 } });
    try {
      await signInFromPage(page, moderator);
      const pair = await createPair(page, `${tag}p`);
      await page.goto(`/moderation/merge?kept=${pair.kept}&merged=${pair.merged}`);
      await page.locator('[data-testid="merge-fields"] tr[data-field="names.sq"]').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const review = page.locator('[data-testid="merge-review"]');
      const box = await review.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      expect(box!.height).toBeGreaterThanOrEqual(24);
      expect(await axeViolations(page)).toEqual([]);
      await review.click();
      await page.locator('[data-testid="merge-confirm-button"]').click();
      await page.locator('[data-testid="merge-done"]').waitFor();
      expect((await gql<any>(`query($id: ID!) { node(id: $id) { id } }`, { id: pair.merged })).node.id).toBe(pair.kept);
    } finally {
      await context.close();
    }
  });
});
