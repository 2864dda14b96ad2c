import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, gql, markerSites, openPage, resultCount, settle, siteCount } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function apiCounts(filter: Record<string, unknown>) {
  const d = await gql<{ mapPoints: unknown[]; organizations: { totalCount: number } }>(
    `query($f: OrganizationFilter) { mapPoints(filter: $f) { locationId } organizations(filter: $f, first: 1) { totalCount } }`,
    { f: filter },
  );
  return { sites: d.mapPoints.length, organizations: d.organizations.totalCount };
}

async function expectCounts(page: Page, expected: { sites: number; organizations: number }) {
  await settle(page, expected);
  expect(await resultCount(page)).toBe(expected.organizations);
  expect(await siteCount(page)).toBe(expected.sites);
  expect(await markerSites(page)).toBe(expected.sites);
}

describe('filter panel', () => {
  it('combines region, municipality, target group, verified and licence filters as the API does', async () => {
    const { page, context } = await openPage(browser, '/');
    await expectCounts(page, await apiCounts({}));

    // region, then a municipality of that region (the municipality list follows the region)
    await page.getByLabel('Rajoni').selectOption('prizren');
    await page.waitForURL(/region=prizren/);
    await expectCounts(page, await apiCounts({ regions: ['prizren'] }));
    const options = await page.getByLabel('Komuna').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const inRegion = (await gql<{ municipalities: { code: string }[] }>('{ municipalities(region: "prizren") { code } }')).municipalities.map((m) => m.code);
    expect(options.sort()).toEqual(inRegion.sort());
    await page.getByLabel('Komuna').selectOption('prizren');
    await page.waitForURL(/mun=prizren/);
    await expectCounts(page, await apiCounts({ regions: ['prizren'], municipalities: ['prizren'] }));

    // verified only
    await page.getByLabel('Vetëm organizatat e verifikuara').check();
    await page.waitForURL(/verified=1/);
    await expectCounts(page, await apiCounts({ regions: ['prizren'], municipalities: ['prizren'], verified: true }));

    // clear everything, then a target group and a licence
    await page.getByRole('button', { name: 'Pastro të gjithë filtrat' }).click();
    await page.waitForURL((u) => u.search === '' || /^\?map=[^&]*$/.test(u.search));
    await expectCounts(page, await apiCounts({}));

    const groups = (await gql<{ targetGroups: { code: string }[] }>('{ targetGroups { code } }')).targetGroups;
    let group: string | null = null;
    for (const g of groups) {
      const c = await apiCounts({ targetGroups: [g.code] });
      if (c.organizations > 0) {
        group = g.code;
        break;
      }
    }
    expect(group).not.toBeNull();
    await page.locator('summary', { hasText: 'Grupet e synuara' }).click();
    await page.locator(`input[name="tg"][value="${group}"]`).check();
    await page.waitForURL(new RegExp(`tg=${group}`));
    await expectCounts(page, await apiCounts({ targetGroups: [group] }));

    await page.getByLabel('E licencuar për').selectOption('residential');
    await page.waitForURL(/lic=residential/);
    await expectCounts(page, await apiCounts({ targetGroups: [group], licensedFor: { category: 'residential' } }));
    await page.getByLabel('Licenca e vlefshme më').fill('2020-01-01');
    await page.waitForURL(/licOn=2020-01-01/);
    await expectCounts(page, await apiCounts({ targetGroups: [group], licensedFor: { category: 'residential', on: '2020-01-01' } }));
    await context.close();
  });

  it('finds an organization by text without diacritics, as the API does', async () => {
    const first = (await gql<{ organizations: { edges: { node: { name: string } }[] } }>('{ organizations(first: 1, orderBy: NAME) { edges { node { name(lang: SQ) } } } }'))
      .organizations.edges[0]!.node.name;
    // a word of the name, folded to ASCII ("Fëmijët" → "femijet")
    const word = first.split(/\s+/).find((w) => w.length > 3 && /[ëçË Ç]/.test(w)) ?? first.split(/\s+/)[0]!;
    const ascii = word.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
    const { page, context } = await openPage(browser, '/');
    await page.getByLabel('Kërko', { exact: true }).fill(ascii);
    await page.waitForURL(new RegExp(`q=${ascii}`));
    const expected = await apiCounts({ text: ascii });
    expect(expected.organizations).toBeGreaterThan(0);
    await expectCounts(page, expected);
    expect(await page.locator('.result-list .result-name').allTextContents()).toContainEqual(expect.stringContaining(word.replace(/[«»“”"]/g, '')));
    await context.close();
  });
});
