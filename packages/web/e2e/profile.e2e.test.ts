import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, gql, openPage } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface ApiOrg {
  id: string;
  name: string;
  isDemo: boolean;
  verification: { status: string };
  services: { name: string; categories: { name: string }[] }[];
  locations: { id: string }[];
  licences: { number: string }[];
}

const ORG = `query($id: ID!, $lang: Language) { organization(id: $id) { id name(lang: $lang) isDemo verification { status }
  services { name(lang: $lang) categories { name(lang: $lang) } } locations { id } licences { number } } }`;

async function apiOrg(id: string, lang = 'SQ'): Promise<ApiOrg> {
  return (await gql<{ organization: ApiOrg }>(ORG, { id, lang })).organization;
}

describe('organization profile', () => {
  it('opens from a list item, shows the API record, and goes back to the same filtered map', async () => {
    const { page, context } = await openPage(browser, '/?verified=1');
    const link = page.locator('.result-list a.result-link').first();
    await link.waitFor();
    const id = await page.locator('.result-list li').first().getAttribute('data-org-id');
    await link.click();
    await page.waitForURL(/\/org\//);
    const org = await apiOrg(id!);
    await expect.poll(() => page.locator('h1').textContent()).toContain(org.name);
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/org/${id}`);
    // the list asked for verified organizations only: the profile shows the badge
    expect(org.verification.status).toBe('VERIFIED');
    expect(await page.locator('[data-testid="verification"]').textContent()).toMatch(/^Verifikuar më \d{1,2} (janar|shkurt|mars|prill|maj|qershor|korrik|gusht|shtator|tetor|nëntor|dhjetor) \d{4}$/);
    expect(await page.locator('[data-testid="demo-banner"]').isVisible()).toBe(org.isDemo);
    expect(await page.locator('#services ~ ul .card h3').allTextContents()).toEqual(org.services.map((s) => s.name));
    for (const s of org.services) for (const c of s.categories) expect(await page.locator('#services ~ ul').textContent()).toContain(c.name);
    expect(await page.locator('[data-testid="licence"]').count()).toBe(org.licences.length);
    if (org.locations.length) {
      await page.locator('[data-testid="sites-map"] .cm-site').first().waitFor();
      expect(await page.locator('[data-testid="sites-map"] .cm-site').count()).toBe(org.locations.length);
    }

    await page.getByRole('link', { name: /Kthehu te harta/ }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect(new URL(page.url()).searchParams.get('verified')).toBe('1');
    expect(await page.locator('input[name="verified"]').isChecked()).toBe(true);
    await context.close();
  });

  it('opens from a marker: the popup names the organization and its services and links to the profile', async () => {
    // a site with no other site nearby, so that it shows as a single marker when zoomed in
    const pts = (await gql<{ mapPoints: { locationId: string; organizationId: string; name: string; lat: number; lng: number }[] }>(
      '{ mapPoints { locationId organizationId name lat lng } }',
    )).mapPoints;
    const lonely = pts.find((p) => pts.every((q) => q === p || Math.abs(q.lat - p.lat) > 0.01 || Math.abs(q.lng - p.lng) > 0.01));
    expect(lonely, 'a demo site without neighbours').toBeTruthy();
    const p = lonely!;
    const { page, context } = await openPage(browser, `/?map=15/${p.lat}/${p.lng}`);
    const marker = page.locator(`.leaflet-marker-pane .cm-point[data-location-id="${p.locationId}"]`);
    await marker.waitFor();
    expect(await marker.getAttribute('data-org-id')).toBe(p.organizationId);
    await marker.click();
    const popup = page.locator('.leaflet-popup .popup');
    await popup.waitFor();
    expect(await popup.locator('.popup-title').textContent()).toBe(p.name);
    const org = await apiOrg(p.organizationId);
    await expect.poll(() => popup.locator('.popup-services li').count()).toBe(org.services.length);
    expect(await popup.locator('.popup-services li').allTextContents()).toEqual(org.services.map((s) => s.name));
    await popup.getByRole('link', { name: 'Shiko profilin' }).click();
    await page.waitForURL(/\/org\//);
    await expect.poll(() => page.locator('h1').textContent()).toContain(org.name);
    // back returns to the map at the same place
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/');
    expect(new URL(page.url()).searchParams.get('map')).toMatch(/^15\//);
    await context.close();
  });

  it('shows a not-found message for an unknown organization', async () => {
    const { page, context } = await openPage(browser, '/org/00000000-0000-4000-8000-000000000000');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('nuk ekziston');
    await context.close();
  });
});
