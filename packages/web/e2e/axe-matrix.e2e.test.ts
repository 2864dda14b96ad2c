// Issue 13, "Must show": axe-core finds no serious or critical violation on any page of the route
// table, signed out and signed in (as each role that sees the page), in sq, sr and en, on a
// desktop and a phone. One browser and one product for all of it (the suite's); each page is
// loaded once per visitor and read in the three languages by switching the UI language in place.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES_FILE, pagePatterns } from '../scripts/page-routes';
import { axeViolations, type AxeViolation } from './a11y';
import { connectBrowser, gql, openPage } from './helpers';
import { createUser, signInFromPage, type Role, type TestUser } from './users';

let browser: Browser;
let org = '';
let category = '';
let municipality = '';
let wave = '';
const users = new Map<Role, TestUser>();

beforeAll(async () => {
  browser = await connectBrowser();
  const data = await gql<{ organizations: { edges: { node: { id: string; services: { categories: { code: string }[]; serviceArea: { code: string }[] }[] } }[] } }>(
    '{ organizations(first: 1, orderBy: NAME) { edges { node { id services { categories { code } serviceArea { code } } } } } }',
  );
  const node = data.organizations.edges[0]!.node;
  org = node.id;
  category = node.services[0]?.categories[0]?.code ?? '';
  municipality = node.services[0]?.serviceArea[0]?.code ?? '';
  // a survey wave (the demo data has some; without one the pages say it is not found)
  const waves = await gql<{ surveyWaves: { edges: { node: { id: string; status: string } }[] } }>('{ surveyWaves(first: 20) { edges { node { id status } } } }');
  const nodes = waves.surveyWaves.edges.map((e) => e.node);
  wave = (nodes.find((w) => w.status === 'CLOSED') ?? nodes[0])?.id ?? 'no-wave';
  for (const role of ['editor', 'officer', 'moderator', 'admin'] as const) users.set(role, await createUser(role));
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

type Visitor = 'anonymous' | Role;

/** What each visitor reads: every page signed out; signed in, the pages each role sees (and some it is refused). */
function pagesFor(visitor: Visitor): string[] {
  const o = encodeURIComponent(org);
  const w = encodeURIComponent(wave);
  switch (visitor) {
    case 'anonymous':
      return [
        '/',
        `/org/${o}`,
        `/org/${o}/history`,
        `/org/${o}/edit`,
        '/coverage',
        '/contracts',
        '/signin',
        '/register',
        '/forgot-password',
        '/reset-password?token=not-a-token',
        '/confirm-email?token=not-a-token',
        '/invitations/accept?token=not-a-token',
        '/me',
        '/me/new-organization',
        '/moderation',
        '/moderation/merge',
        '/contracting',
        '/contracting/record',
        '/import',
        '/surveys',
        `/surveys/${w}/organizations/${o}`,
        `/surveys/${w}/results`,
        `/surveys/${w}/report`,
        '/no-such-page',
      ];
    case 'editor':
      return ['/me', '/me/new-organization', `/org/${o}`, '/invitations/accept?token=not-a-token', '/moderation', '/contracting', '/surveys'];
    case 'officer':
      return ['/contracting', `/contracting?cat=${category}&mun=${municipality}`, '/contracting/record', '/'];
    case 'moderator':
      return ['/moderation', `/moderation/merge?kept=${o}`, '/import', `/org/${o}/edit`, `/org/${o}/history`, '/surveys', `/surveys/${w}/results`, `/surveys/${w}/organizations/${o}`];
    case 'admin':
      return ['/contracting/record', '/me'];
  }
}

const VISITORS: Visitor[] = ['anonymous', 'editor', 'officer', 'moderator', 'admin'];

/**
 * A desktop reads every page; a phone (where the layout, not the content, differs) the public
 * pages signed out and the officer's and moderator's own, so that the run stays short.
 */
function pagesOn(device: 'desktop' | 'phone', visitor: Visitor): string[] {
  if (device === 'desktop') return pagesFor(visitor);
  if (visitor === 'anonymous') return pagesFor(visitor).slice(0, 7);
  if (visitor === 'officer') return pagesFor(visitor).slice(1, 2);
  if (visitor === 'moderator') return pagesFor(visitor).slice(0, 1);
  return [];
}
const LANGS = ['sq', 'sr', 'en'] as const;

/** Waits until the page has its heading and nothing says it is loading. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.locator('h1').first().waitFor({ state: 'attached', timeout: 20_000 });
  await page
    .waitForFunction(() => ![...document.querySelectorAll('[aria-live="polite"]')].some((el) => /…|\.\.\./.test(el.textContent ?? '')), null, { timeout: 10_000 })
    .catch(() => {});
}

async function switchLanguage(page: Page, lang: string): Promise<void> {
  const pressed = await page.locator(`button[data-lang="${lang}"]`).getAttribute('aria-pressed');
  if (pressed !== 'true') {
    // on a phone the language buttons sit in the header's menu
    const button = page.locator(`button[data-lang="${lang}"]`);
    if (!(await button.isVisible())) await page.locator('[data-testid="menu-toggle"]').click();
    await button.click();
    await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
  }
  await settle(page);
}

function report(found: { where: string; violations: AxeViolation[] }[]): string {
  return found
    .map(({ where, violations }) => `${where}\n${violations.map((v) => `  ${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target} — ${n.summary}`).join('\n')}`).join('\n')}`)
    .join('\n');
}

function matches(pattern: string, path: string): boolean {
  const p = path.split('?')[0]!;
  const want = pattern.split('/');
  const got = p.split('/');
  return want.length === got.length && want.every((w, i) => (w.startsWith(':') ? got[i] !== '' : w === got[i]));
}

describe('axe over the route table', () => {
  it('visits every page of the route table signed out (and the signed-in ones signed in)', () => {
    const patterns = pagePatterns(readFileSync(ROUTES_FILE, 'utf8'));
    const missing = patterns.filter((p) => !pagesFor('anonymous').some((path) => matches(p, path)));
    expect(missing, 'a page of the route table the matrix does not visit: add it to pagesFor').toEqual([]);
  });

  for (const [device, viewport] of [
    ['desktop', { width: 1366, height: 850 }],
    ['phone', { width: 375, height: 812 }],
  ] as const) {
    for (const visitor of VISITORS.filter((v) => pagesOn(device, v).length > 0)) {
      it(`${visitor} on a ${device}: no serious or critical violation in sq, sr and en`, async () => {
        const { page, context, outside } = await openPage(browser, '/signin', { viewport });
        const user = users.get(visitor as Role);
        if (user) await signInFromPage(page, user);
        const found: { where: string; violations: AxeViolation[] }[] = [];
        const pages = pagesOn(device, visitor);
        for (const path of pages) {
          const started = Date.now();
          await page.evaluate(() => localStorage.setItem('civimap.lang', 'sq'));
          await page.goto(path);
          await settle(page);
          for (const lang of LANGS) {
            await switchLanguage(page, lang);
            const violations = await axeViolations(page);
            if (violations.length) found.push({ where: `${visitor} ${device} ${lang} ${path}`, violations });
          }
          if (process.env.E2E_AXE_LOG) console.log(`axe ${visitor} ${device} ${path}: ${Date.now() - started} ms`);
        }
        expect(report(found)).toBe('');
        expect(outside).toEqual([]);
        await context.close();
      }, 300_000);
    }
  }
});
