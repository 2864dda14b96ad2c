import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const baseURL = inject('baseURL');

export function connectBrowser(): Promise<Browser> {
  return chromium.connect(inject('wsEndpoint'));
}

/** The shared browser for one test file: connected before its tests, closed after them. */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await connectBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** Queries the running API directly, to compare what the page shows with what the API says. */
export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${baseURL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  /** Requests the page tried to send anywhere but the product's origin (they are blocked). */
  outside: string[];
}

/** A fresh context (own localStorage) whose page may talk to the product's origin only. */
export async function openPage(browser: Browser, path = '/', options: { viewport?: { width: number; height: number } } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 860 }, baseURL });
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseURL) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(path);
  return { context, page, outside };
}

/** The sites that the markers on the map stand for: cluster counts plus single points. */
export function markerSites(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pane = document.querySelector('.leaflet-marker-pane');
    if (!pane) return -1;
    let n = 0;
    pane.querySelectorAll<HTMLElement>('.cm-cluster').forEach((c) => (n += Number(c.dataset.count)));
    return n + pane.querySelectorAll('.cm-point').length;
  });
}

export async function siteCount(page: Page): Promise<number | null> {
  const v = await page.getAttribute('[data-testid="site-count"]', 'data-count');
  return v ? Number(v) : null;
}

export async function resultCount(page: Page): Promise<number | null> {
  const v = await page.getAttribute('[data-testid="result-count"]', 'data-count');
  return v ? Number(v) : null;
}

/**
 * Waits until the map and the list show the expected numbers (or the timeout passes; the caller
 * then asserts the numbers, so a mismatch fails with the values seen).
 */
export async function settle(page: Page, expected: { sites?: number; organizations?: number }, timeout = 20_000): Promise<void> {
  await page
    .waitForFunction(
      (exp) => {
        const pane = document.querySelector('.leaflet-marker-pane');
        if (!pane) return false;
        let n = 0;
        pane.querySelectorAll<HTMLElement>('.cm-cluster').forEach((c) => (n += Number(c.dataset.count)));
        n += pane.querySelectorAll('.cm-point').length;
        const sites = document.querySelector<HTMLElement>('[data-testid="site-count"]')?.dataset.count;
        const orgs = document.querySelector<HTMLElement>('[data-testid="result-count"]')?.dataset.count;
        const okSites = exp.sites == null || (String(exp.sites) === sites && n === exp.sites);
        const okOrgs = exp.organizations == null || String(exp.organizations) === orgs;
        return okSites && okOrgs;
      },
      expected,
      { timeout },
    )
    .catch(() => {});
}

/** A GraphQL request from the page, with its session cookie (for private operations such as the moderators' queue). */
export function pageGql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return page.evaluate(
    async ({ query, variables }) => {
      const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-civimap-csrf': '1' }, body: JSON.stringify({ query, variables }) });
      const body = await res.json();
      if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    { query, variables },
  );
}
