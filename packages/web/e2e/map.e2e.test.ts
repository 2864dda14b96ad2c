import type { Browser } from 'playwright-core';
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
  const d = await gql<{ mapPoints: { locationId: string }[]; organizations: { totalCount: number } }>(
    `query($f: OrganizationFilter) { mapPoints(filter: $f) { locationId } organizations(filter: $f, first: 1) { totalCount } }`,
    { f: filter },
  );
  return { sites: d.mapPoints.length, organizations: d.organizations.totalCount };
}

describe('map page', () => {
  it('renders markers or clusters for every demo site, with the demo banner, loading nothing from outside', async () => {
    const all = await apiCounts({});
    expect(all.sites).toBeGreaterThan(100);
    const { page, context, outside } = await openPage(browser, '/');
    await settle(page, all);
    expect(await siteCount(page)).toBe(all.sites);
    expect(await markerSites(page)).toBe(all.sites);
    expect(await resultCount(page)).toBe(all.organizations);
    expect(await page.locator('.leaflet-marker-pane .cm-cluster').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="demo-banner"]').isVisible()).toBe(true);
    // the municipality layer: one shape per municipality (circles at the seats or polygons)
    const municipalities = (await gql<{ municipalities: unknown[] }>('{ municipalities { code } }')).municipalities.length;
    const shapes = page.locator('.leaflet-municipalities-pane path.leaflet-interactive');
    await page.waitForFunction((n) => document.querySelectorAll('.leaflet-municipalities-pane path.leaflet-interactive').length >= n, municipalities).catch(() => {});
    expect(await shapes.count()).toBeGreaterThanOrEqual(municipalities);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('filtering by a category changes markers and list counts as the API does; reload and back/forward restore it', async () => {
    const all = await apiCounts({});
    const cats = await gql<{ serviceCategories: { code: string; parent: { code: string } | null }[] }>('{ serviceCategories { code parent { code } } }');
    const roots = cats.serviceCategories.filter((c) => !c.parent).map((c) => c.code);
    let chosen: { code: string; sites: number; organizations: number } | null = null;
    for (const code of roots) {
      const c = await apiCounts({ categories: [code] });
      if (c.organizations > 0 && c.organizations < all.organizations && c.sites < all.sites) {
        chosen = { code, ...c };
        break;
      }
    }
    expect(chosen, 'a category that some but not all demo organizations offer').not.toBeNull();
    const cat = chosen!;

    const { page, context } = await openPage(browser, '/');
    await settle(page, all);
    await page.locator('summary', { hasText: /Kategoritë e shërbimeve/ }).click();
    await page.locator(`input[name="cat"][value="${cat.code}"]`).check();
    await settle(page, cat);
    expect(new URL(page.url()).searchParams.getAll('cat')).toEqual([cat.code]);
    expect(await resultCount(page)).toBe(cat.organizations);
    expect(await siteCount(page)).toBe(cat.sites);
    expect(await markerSites(page)).toBe(cat.sites);

    // the list shows organizations that the API returns for the same filter, in the same order
    const first = await gql<{ organizations: { edges: { node: { id: string } }[] } }>(
      `query($f: OrganizationFilter) { organizations(filter: $f, first: 5, orderBy: NAME) { edges { node { id } } } }`,
      { f: { categories: [cat.code] } },
    );
    const shownIds = await page.locator('.result-list li').evaluateAll((lis) => lis.slice(0, 5).map((li) => (li as HTMLElement).dataset.orgId));
    expect(shownIds).toEqual(first.organizations.edges.map((e) => e.node.id));

    await page.reload();
    await settle(page, cat);
    expect(await page.locator(`input[name="cat"][value="${cat.code}"]`).isChecked()).toBe(true);
    expect(await resultCount(page)).toBe(cat.organizations);
    expect(await markerSites(page)).toBe(cat.sites);

    await page.goBack();
    await settle(page, all);
    expect(new URL(page.url()).searchParams.getAll('cat')).toEqual([]);
    expect(await resultCount(page)).toBe(all.organizations);
    expect(await markerSites(page)).toBe(all.sites);

    await page.goForward();
    await settle(page, cat);
    expect(await resultCount(page)).toBe(cat.organizations);
    await context.close();
  });

  it('"search this area" limits the list and the map to the view, as a bbox filter does in the API', async () => {
    // Prishtina and around
    const { page, context } = await openPage(browser, '/?map=11/42.66/21.16');
    await page.locator('.leaflet-marker-pane .cm-cluster, .leaflet-marker-pane .cm-point').first().waitFor();
    await page.getByRole('button', { name: 'Kërko në këtë zonë' }).click();
    await page.waitForURL(/area=/);
    const area = new URL(page.url()).searchParams.get('area')!.split(',').map(Number);
    const [minLat, minLng, maxLat, maxLng] = area as [number, number, number, number];
    const expected = await apiCounts({ bbox: { minLat, minLng, maxLat, maxLng } });
    await settle(page, expected);
    expect(await resultCount(page)).toBe(expected.organizations);
    expect(await siteCount(page)).toBe(expected.sites);
    expect(expected.organizations).toBeLessThan((await apiCounts({})).organizations);
    await context.close();
  });
});
