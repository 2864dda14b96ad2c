// Issue 13, "The map shows Kosovo without a tile server" and "CSO editors can add a site": with tiles
// off (as in every test run), the maps draw the shipped country outline and the 38 municipalities
// with their names; the coverage choropleth fills the polygons; an editor adds a site by clicking the
// picker, and the municipality is set from the polygon the point lies in.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runApiCli } from './harness.mjs';
import { connectBrowser, gql, openPage } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface ApiMunicipality {
  code: string;
  name: string;
  seat: { lat: number; lng: number };
}

async function municipalities(lang = 'SQ'): Promise<ApiMunicipality[]> {
  return (await gql<{ municipalities: ApiMunicipality[] }>(`query($lang: Language) { municipalities { code name(lang: $lang) seat { lat lng } } }`, { lang })).municipalities;
}

/** Distinct municipality codes among the elements the selector finds. */
function codesOf(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((s) => [...new Set([...document.querySelectorAll<HTMLElement | SVGElement>(s)].map((e) => e.dataset.municipality ?? ''))].filter(Boolean).sort(), selector);
}

/** The visible municipality names that overlap a marker or cluster. */
function coveredLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const box = (e: Element) => e.getBoundingClientRect();
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const markers = [...document.querySelectorAll('[data-testid="map"] .leaflet-marker-pane .leaflet-marker-icon')].map(box);
    const shown = [...document.querySelectorAll<HTMLElement>('[data-testid="map"] .cm-mun-label span')].filter((s) => getComputedStyle(s).visibility === 'visible');
    return shown
      .filter((s) => markers.some((m) => hit(box(s), m)))
      .map((s) => s.textContent ?? '');
  });
}

describe('the vector base layer, tiles off', () => {
  it('the home map draws the country outline and the 38 municipalities with their names, and credits geoBoundaries', async () => {
    const all = await municipalities();
    expect(all).toHaveLength(38);
    const { page, context, outside } = await openPage(browser, '/');
    const map = page.locator('[data-testid="map"]');
    await page.locator('[data-testid="map"][data-base-layer="ready"]').waitFor();
    expect(await map.locator('path.cm-country').count()).toBe(1);
    // the 38 municipality shapes (the map's own interactive layer draws them over the outline)
    await expect.poll(() => codesOf(page, '.leaflet-municipalities-pane path.leaflet-interactive[data-municipality]')).toEqual(all.map((m) => m.code).sort());
    // each municipality's name, as the API gives it, once
    const labels = await map.locator('.cm-mun-label span').allTextContents();
    expect(labels.sort()).toEqual(all.map((m) => m.name).sort());
    // no name is drawn under a marker or cluster (label-declutter.ts)
    await page.locator('.leaflet-marker-pane .cm-cluster, .leaflet-marker-pane .cm-point').first().waitFor();
    await expect.poll(() => coveredLabels(page)).toEqual([]);
    await page.locator('.leaflet-control-zoom-in').click();
    await expect.poll(() => coveredLabels(page)).toEqual([]);
    // the country is filled as land when there are no tiles
    expect(await map.getAttribute('data-tiles')).toBe('off');
    expect(await map.locator('path.cm-country').evaluate((p) => getComputedStyle(p).fillOpacity)).toBe('1');
    expect(await map.locator('.leaflet-control-attribution').textContent()).toContain('geoBoundaries; © OpenStreetMap contributors');
    // names follow the UI language
    await page.locator('.lang-switch button[data-lang="sr"]').click();
    const sr = await municipalities('SR');
    await expect.poll(async () => (await map.locator('.cm-mun-label span').allTextContents()).sort()).toEqual(sr.map((m) => m.name).sort());
    expect(outside).toEqual([]);
    await context.close();
  });

  it('the coverage page draws 38 polygons, each with the municipality’s name, and a plainly labelled legend', async () => {
    const all = await municipalities();
    const { page, context } = await openPage(browser, '/coverage');
    const map = page.locator('[data-testid="coverage-map"]');
    await page.locator('[data-testid="coverage-map"][data-shapes="polygons"]').waitFor();
    await expect.poll(() => codesOf(page, '[data-testid="coverage-map"] .leaflet-coverage-pane path[data-municipality]')).toEqual(all.map((m) => m.code).sort());
    await page.locator('[data-testid="coverage-map"][data-base-layer="ready"]').waitFor();
    expect((await map.locator('.cm-mun-label span').allTextContents()).sort()).toEqual(all.map((m) => m.name).sort());
    // every label sits on its own shape (within the box the shape is drawn in)
    const misplaced = await page.evaluate(() => {
      const out: string[] = [];
      for (const span of document.querySelectorAll<HTMLElement>('[data-testid="coverage-map"] .cm-mun-label span')) {
        const r = span.getBoundingClientRect();
        const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
        const shape = document.querySelector(`[data-testid="coverage-map"] .leaflet-coverage-pane path[data-municipality="${span.dataset.municipality}"]`);
        const b = shape?.getBoundingClientRect();
        if (!b || x < b.left || x > b.right || y < b.top || y > b.bottom) out.push(span.dataset.municipality ?? '?');
      }
      return out;
    });
    expect(misplaced).toEqual([]);
    const legend = await page.locator('[data-testid="legend"] li').allTextContents();
    expect(legend.join(' | ')).not.toMatch(/mbi 0|over 0/);
    expect(legend[0]).toMatch(/^deri në \d+,\d\d$/);
    for (const entry of legend.slice(1, -1)) expect(entry).toMatch(/^\d+,\d\d deri në \d+,\d\d$/);
    await context.close();
  });
});

describe('an editor adds a site on the map picker', () => {
  const databaseUrl = inject('databaseUrl');
  const tag = randomBytes(4).toString('hex');
  const editor = { email: `site-editor-${tag}@example.org`, password: 'Site-picker-2026' };
  let orgId = '';

  beforeAll(async () => {
    const out = await runApiCli('user-create', ['--role', 'editor', '--email', editor.email, '--password', editor.password, '--name', `Site Editor ${tag}`], {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DEMO_DATA: 'off',
      LOG_LEVEL: 'warn',
    } as Record<string, string>);
    expect(out).toContain(editor.email);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`select id from organization where is_demo order by name_sq limit 1 offset 7`);
      orgId = rows[0].id;
      await client.query(
        `insert into membership (id, user_id, organization_id, role) select gen_random_uuid(), u.id, $1, 'OWNER' from app_user u where u.email = $2`,
        [orgId, editor.email],
      );
    } finally {
      await client.end();
    }
  });

  it('typing an address centres the map; clicking sets the municipality from the polygon; the saved site is there', async () => {
    const prizren = (await municipalities()).find((m) => m.code === 'prizren')!;
    const { page, context, outside } = await openPage(browser, '/signin');
    await page.locator('form input[name="email"]').fill(editor.email);
    await page.locator('form input[name="password"]').fill(editor.password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((u) => u.pathname === '/me');
    await page.goto(`/org/${orgId}/edit`);
    await page.getByRole('button', { name: 'Shto një lokacion', exact: true }).click();
    const form = page.locator('.editor-new [data-testid="location-form"]');
    await form.locator('input[name="name"]').fill(`Zyra e re ${tag}`);
    await form.locator('input[name="address"]').fill('Rruga e Shadërvanit 4, Prizren');
    const picker = form.locator('[data-testid="location-picker"]');
    await picker.scrollIntoViewIfNeeded();
    // the map moved to Prizren's seat
    await expect.poll(() => picker.getAttribute('data-centre'), { timeout: 10_000 }).toBe(`${prizren.seat.lat.toFixed(4)},${prizren.seat.lng.toFixed(4)}`);
    expect(await picker.locator('.cm-mun-label span[data-municipality="prizren"]').count()).toBe(1);
    expect(await form.locator('select[name="municipality"]').inputValue()).toBe('');
    const box = (await picker.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 20, box.y + box.height / 2 + 10);
    await expect.poll(() => form.locator('select[name="municipality"]').inputValue()).toBe('prizren');
    expect(await form.locator('[data-testid="point-municipality"]').textContent()).toContain(prizren.name);
    const lat = Number(await form.locator('input[name="lat"]').inputValue());
    const lng = Number(await form.locator('input[name="lng"]').inputValue());
    expect(Math.abs(lat - prizren.seat.lat)).toBeLessThan(0.02);
    expect(Math.abs(lng - prizren.seat.lng)).toBeLessThan(0.02);
    const at = await gql<{ municipalityAt: { code: string } | null }>('query($lat: Float!, $lng: Float!) { municipalityAt(lat: $lat, lng: $lng) { code } }', { lat, lng });
    expect(at.municipalityAt?.code).toBe('prizren');
    await form.locator('button[type="submit"]').click();
    await page.locator('[data-testid="editor-status"][data-saves="1"]').waitFor();
    const org = await gql<{ organization: { locations: { name: string; municipality: { code: string }; point: { lat: number; lng: number } }[] } }>(
      'query($id: ID!) { organization(id: $id) { locations { name municipality { code } point { lat lng } } } }',
      { id: orgId },
    );
    const site = org.organization.locations.find((l) => l.name === `Zyra e re ${tag}`);
    expect(site?.municipality.code).toBe('prizren');
    expect(site?.point).toEqual({ lat, lng });
    expect(outside).toEqual([]);
    await context.close();
  });
});
