import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, connectBrowser, gql, openPage } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Cell {
  municipality: { code: string };
  category: { code: string };
  providers: number;
  sites: number;
  providersPer10k: number;
  nearestSiteKm: number | null;
}

async function apiCoverage(filter: Record<string, unknown>): Promise<{ cells: Cell[]; gaps: string[] }> {
  const d = await gql<{ coverage: { cells: Cell[]; gaps: { municipality: { code: string }; category: { code: string } }[] } }>(
    `query($f: CoverageFilter) { coverage(filter: $f) { cells { municipality { code } category { code } providers sites providersPer10k nearestSiteKm }
      gaps { municipality { code } category { code } } } }`,
    { f: filter },
  );
  return { cells: d.coverage.cells, gaps: d.coverage.gaps.map((g) => g.municipality.code) };
}

interface ShownRow {
  code: string;
  providers: number;
  sites: number;
  per10k: number;
  nearestKm: number | null;
  gap: boolean;
}

function shownRows(page: Page): Promise<ShownRow[]> {
  return page.locator('[data-testid="coverage-table"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const v = (i: number) => (tr.querySelectorAll('td')[i] as HTMLElement).dataset.value ?? '';
      return {
        code: (tr as HTMLElement).dataset.municipality!,
        providers: Number(v(1)),
        sites: Number(v(2)),
        per10k: Number(v(3)),
        nearestKm: v(4) === '' ? null : Number(v(4)),
        gap: tr.classList.contains('row-gap'),
      };
    }),
  );
}

/** Waits until the page shows the coverage of a category (the status names it and has finished loading). */
async function settled(page: Page, category: string): Promise<void> {
  await page.waitForFunction(
    (cat) => {
      const s = document.querySelector<HTMLElement>('[data-testid="coverage-status"]');
      return s?.dataset.category === cat && s.dataset.loading === 'false' && document.querySelectorAll('[data-testid="coverage-table"] tbody tr').length > 0;
    },
    category,
    { timeout: 20_000 },
  );
}

function expectSame(shown: ShownRow[], api: { cells: Cell[]; gaps: string[] }, category: string) {
  const cells = api.cells.filter((c) => c.category.code === category);
  expect(shown.map((r) => r.code).sort()).toEqual(cells.map((c) => c.municipality.code).sort());
  const byCode = new Map(shown.map((r) => [r.code, r]));
  for (const c of cells) {
    const r = byCode.get(c.municipality.code)!;
    expect({ code: r.code, providers: r.providers, sites: r.sites, per10k: r.per10k, nearestKm: r.nearestKm }).toEqual({
      code: c.municipality.code,
      providers: c.providers,
      sites: c.sites,
      per10k: c.providersPer10k,
      nearestKm: c.nearestSiteKm,
    });
    expect(r.gap).toBe(api.gaps.includes(c.municipality.code));
  }
}

async function categories(): Promise<{ roots: string[]; all: string[] }> {
  const d = await gql<{ serviceCategories: { code: string; parent: { code: string } | null }[] }>('{ serviceCategories { code parent { code } } }');
  return { roots: d.serviceCategories.filter((c) => !c.parent).map((c) => c.code), all: d.serviceCategories.map((c) => c.code) };
}

describe('coverage page', () => {
  it('shows a choropleth of every municipality with a legend, and a table that follows the chosen category as the API does', async () => {
    const municipalities = (await gql<{ municipalities: { code: string }[] }>('{ municipalities { code } }')).municipalities.length;
    expect(municipalities).toBe(38);
    const cats = await categories();
    const { page, context, outside } = await openPage(browser, '/');
    // reached from the main navigation
    await page.getByRole('navigation', { name: 'Navigimi kryesor' }).getByRole('link', { name: 'Mbulimi' }).click();
    await page.waitForURL((u) => u.pathname === '/coverage');
    const first = cats.roots[0]!;
    await settled(page, first);

    const shapes = page.locator('.leaflet-coverage-pane path.leaflet-interactive');
    await page.waitForFunction((n) => document.querySelectorAll('.leaflet-coverage-pane path.leaflet-interactive').length === n, municipalities).catch(() => {});
    expect(await shapes.count()).toBe(municipalities);
    const legend = page.locator('[data-testid="legend"]');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.locator('li').count()).toBeGreaterThanOrEqual(2);
    expect(await legend.locator('li[data-class="-1"]').textContent()).toContain('zbrazëti');
    const firstApi = await apiCoverage({ categories: [first] });
    expectSame(await shownRows(page), firstApi, first);
    // polygons when boundaries are imported, circles at the seats otherwise
    const withBoundary = (await gql<{ municipalities: { boundary: unknown }[] }>('{ municipalities { boundary } }')).municipalities.filter((m) => m.boundary).length;
    expect(await page.getAttribute('[data-testid="coverage-map"]', 'data-shapes')).toBe(withBoundary > 0 ? 'polygons' : 'circles');
    // a shape is reachable by keyboard: focus shows its tooltip, Enter opens its figures
    const shape = shapes.first();
    const code = (await shape.getAttribute('data-municipality'))!;
    const cell = firstApi.cells.find((c) => c.municipality.code === code && c.category.code === first)!;
    await shape.focus();
    await page.locator('.leaflet-tooltip').waitFor();
    expect(await page.locator('.leaflet-tooltip').textContent()).toContain(`Ofrues: ${cell.providers}`);
    await page.keyboard.press('Enter');
    await page.locator('.leaflet-popup').waitFor();
    expect(await page.locator('.leaflet-popup').textContent()).toContain(`Ofrues: ${cell.providers}`);

    // a subcategory with some gaps, so that gaps show on the map and in the table
    let chosen: { code: string; api: Awaited<ReturnType<typeof apiCoverage>> } | null = null;
    for (const code of cats.all.filter((c) => c !== first)) {
      const api = await apiCoverage({ categories: [code] });
      if (api.gaps.length > 0 && api.gaps.length < municipalities) {
        chosen = { code, api };
        break;
      }
    }
    expect(chosen, 'a category with gaps in some municipalities').not.toBeNull();
    await page.getByLabel('Kategoria e shërbimit').selectOption(chosen!.code);
    await settled(page, chosen!.code);
    expect(new URL(page.url()).searchParams.get('cat')).toBe(chosen!.code);
    expectSame(await shownRows(page), chosen!.api, chosen!.code);
    // the map marks exactly the API's gaps
    await page.waitForFunction((n) => document.querySelectorAll('.leaflet-coverage-pane path[data-gap="true"]').length === n, chosen!.api.gaps.length).catch(() => {});
    const mapGaps = await page.locator('.leaflet-coverage-pane path[data-gap="true"]').evaluateAll((ps) => ps.map((p) => (p as SVGElement).dataset.municipality));
    expect(mapGaps.sort()).toEqual([...chosen!.api.gaps].sort());
    // one chart per region, one bar per municipality
    const regions = (await gql<{ regions: unknown[] }>('{ regions { code } }')).regions.length;
    expect(await page.locator('.region-charts figure').count()).toBe(regions);
    expect(await page.locator('.region-charts g[data-municipality]').count()).toBe(municipalities);

    // a reload keeps the state; a target group narrows the report as the API's does
    await page.reload();
    await settled(page, chosen!.code);
    expectSame(await shownRows(page), chosen!.api, chosen!.code);
    const tg = (await gql<{ targetGroups: { code: string }[] }>('{ targetGroups { code } }')).targetGroups[0]!.code;
    await page.locator('summary', { hasText: 'Grupet e synuara' }).click();
    await page.locator(`input[name="tg"][value="${tg}"]`).check();
    await page.waitForURL((u) => u.searchParams.getAll('tg').includes(tg));
    await settled(page, chosen!.code);
    const narrowed = await apiCoverage({ categories: [chosen!.code], targetGroups: [tg] });
    const providersOf = (rows: { code: string; providers: number }[]) => rows.map((r) => `${r.code}:${r.providers}`).sort().join(',');
    await expect.poll(async () => providersOf(await shownRows(page)), { timeout: 20_000 }).toBe(
      providersOf(narrowed.cells.filter((c) => c.category.code === chosen!.code).map((c) => ({ code: c.municipality.code, providers: c.providers }))),
    );
    expectSame(await shownRows(page), narrowed, chosen!.code);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('sorts the table by a column with the keyboard, and keeps the order in the URL', async () => {
    const { page, context } = await openPage(browser, '/coverage');
    const first = (await categories()).roots[0]!;
    await settled(page, first);
    const header = page.locator('[data-testid="coverage-table"] thead');
    // keyboard only: focus the first header button, Tab to "Ofrues" (providers), press Enter
    await header.locator('button[data-sort="municipality"]').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.sort)).toBe('providers');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'providers');
    expect(await header.locator('th[aria-sort="descending"] button').getAttribute('data-sort')).toBe('providers');
    let providers = (await shownRows(page)).map((r) => r.providers);
    expect(providers).toEqual([...providers].sort((a, b) => b - a));
    // the focus stays on the button: Space reverses the order
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.sort)).toBe('providers');
    await page.keyboard.press('Space');
    await page.waitForURL((u) => u.searchParams.get('dir') === 'asc');
    expect(await header.locator('th[aria-sort="ascending"] button').getAttribute('data-sort')).toBe('providers');
    providers = (await shownRows(page)).map((r) => r.providers);
    expect(providers).toEqual([...providers].sort((a, b) => a - b));
    expect(await header.locator('th[aria-sort="none"]').count()).toBe(5);

    // nearest site: missing distances last
    await page.reload();
    await settled(page, first);
    await page.locator('button[data-sort="nearestKm"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'nearestKm');
    const km = (await shownRows(page)).map((r) => r.nearestKm);
    const present = km.filter((k): k is number => k != null);
    expect(km.slice(0, present.length)).toEqual([...present].sort((a, b) => b - a));
    await context.close();
  });

  it('downloads the view as GeoJSON: a FeatureCollection with as many features as the export of the same filter', async () => {
    const cats = await categories();
    const category = cats.all.find((c) => c.includes('.'))!;
    const { page, context } = await openPage(browser, `/coverage?cat=${encodeURIComponent(category)}`);
    await settled(page, category);
    const link = page.locator('[data-testid="exports"] a[data-export="locations.geojson"]');
    const href = (await link.getAttribute('href'))!;
    const filter = JSON.parse(new URL(href, baseURL).searchParams.get('filter')!);
    expect(filter).toEqual({ categories: [category] });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^civimap-locations-\d{4}-\d{2}-\d{2}\.geojson$/);
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
    const file = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; features: { type: string }[]; metadata: { filter: Record<string, unknown> } };
    expect(file.type).toBe('FeatureCollection');
    const direct = (await (await fetch(`${baseURL}/export/locations.geojson?filter=${encodeURIComponent(JSON.stringify({ categories: [category] }))}`)).json()) as {
      features: unknown[];
    };
    expect(file.features.length).toBe(direct.features.length);
    expect(file.features.length).toBeGreaterThan(0);
    expect(file.metadata.filter.categories).toEqual([category]);
    await context.close();
  });

  it('the map page links the exports of its current filter', async () => {
    const { page, context } = await openPage(browser, '/?cat=residential&verified=1&tg=elderly');
    const links = page.locator('[data-testid="exports"] a');
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(hrefs.map((h) => new URL(h, baseURL).pathname)).toEqual([
      '/export/organizations.csv',
      '/export/services.csv',
      '/export/locations.csv',
      '/export/locations.geojson',
      '/export/contracts.ocds.json',
    ]);
    for (const h of hrefs) expect(JSON.parse(new URL(h, baseURL).searchParams.get('filter')!)).toEqual({ categories: ['residential'], targetGroups: ['elderly'], verified: true });
    // the GeoJSON holds the sites that the map shows for the same filter
    const geo = (await (await fetch(new URL(hrefs[3]!, baseURL))).json()) as { features: unknown[] };
    const points = await gql<{ mapPoints: unknown[] }>('query($f: OrganizationFilter) { mapPoints(filter: $f) { locationId } }', {
      f: { categories: ['residential'], targetGroups: ['elderly'], verified: true },
    });
    expect(geo.features.length).toBe(points.mapPoints.length);
    await context.close();
  });
});
