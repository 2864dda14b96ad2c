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

const PAGE = 25;

interface Conn {
  totalCount: number;
  totalAmount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: { node: { id: string; provider: { id: string } } }[];
}

async function apiContracts(filter: Record<string, unknown>, after: string | null = null): Promise<Conn> {
  return (
    await gql<{ contracts: Conn }>(
      `query($f: ContractFilter, $after: String) { contracts(first: ${PAGE}, after: $after, filter: $f) { totalCount totalAmount
        pageInfo { endCursor hasNextPage } edges { node { id provider { id } } } } }`,
      { f: filter, after },
    )
  ).contracts;
}

async function apiTotals(by: string, filter: Record<string, unknown> = {}) {
  return (await gql<{ contractTotals: { key: string; contracts: number; amount: number }[] }>(
    'query($by: ContractTotalDimension!, $f: ContractFilter) { contractTotals(by: $by, filter: $f) { key contracts amount } }',
    { by, f: filter },
  )).contractTotals;
}

const shownIds = (page: Page) => page.locator('[data-testid="contracts-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.contractId));
const shownTotals = (page: Page) =>
  page.locator('[data-testid="totals-table"] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      key: (tr as HTMLElement).dataset.key!,
      contracts: Number((tr.querySelectorAll('td')[0] as HTMLElement).dataset.value),
      amount: Number((tr.querySelectorAll('td')[1] as HTMLElement).dataset.value),
    })),
  );

async function summary(page: Page): Promise<{ count: number; amount: number } | null> {
  return page.locator('[data-testid="contracts-summary"]').evaluate((el) => {
    const d = (el as HTMLElement).dataset;
    return d.count ? { count: Number(d.count), amount: Number(d.amount) } : null;
  });
}

describe('contracts page', () => {
  it('lists the contracts page by page, with the totals the API gives', async () => {
    const all = await apiContracts({});
    expect(all.totalCount).toBeGreaterThan(PAGE);
    const { page, context, outside } = await openPage(browser, '/');
    await page.getByRole('navigation', { name: 'Navigimi kryesor' }).getByRole('link', { name: 'Kontratat' }).click();
    await page.waitForURL((u) => u.pathname === '/contracts');
    await expect.poll(() => summary(page), { timeout: 20_000 }).toEqual({ count: all.totalCount, amount: all.totalAmount });
    expect(await shownIds(page)).toEqual(all.edges.map((e) => e.node.id));
    expect(await page.locator('[data-testid="contracts-summary"]').textContent()).toContain('kontrata');

    const byAuthority = await apiTotals('AUTHORITY');
    await expect.poll(() => shownTotals(page)).toEqual(byAuthority);
    expect(byAuthority.reduce((s, r) => s + r.contracts, 0)).toBe(all.totalCount);

    // the next page is the API's page after the first page's cursor
    const second = await apiContracts({}, all.pageInfo.endCursor);
    await page.getByRole('button', { name: 'Faqja tjetër' }).click();
    await expect.poll(() => shownIds(page)).toEqual(second.edges.map((e) => e.node.id));
    await page.getByRole('button', { name: 'Faqja e mëparshme' }).click();
    await expect.poll(() => shownIds(page)).toEqual(all.edges.map((e) => e.node.id));

    // totals by year
    await page.getByLabel('Shumat sipas').selectOption('YEAR');
    await page.waitForURL((u) => u.searchParams.get('by') === 'year');
    const byYear = await apiTotals('YEAR');
    await expect.poll(() => shownTotals(page)).toEqual(byYear);

    // a filter: one authority; the list, its totals and the totals table follow the API
    const authority = byAuthority[0]!.key;
    await page.getByLabel('Autoriteti kontraktues').selectOption(authority);
    await page.waitForURL((u) => u.searchParams.get('authority') === authority);
    const one = await apiContracts({ authorities: [authority] });
    await expect.poll(() => summary(page), { timeout: 20_000 }).toEqual({ count: one.totalCount, amount: one.totalAmount });
    await expect.poll(() => shownIds(page)).toEqual(one.edges.map((e) => e.node.id));
    await expect.poll(() => shownTotals(page)).toEqual(await apiTotals('YEAR', { authorities: [authority] }));
    expect(one.totalCount).toBe(byAuthority[0]!.contracts);

    // the OCDS export of the contracts
    const ocds = await page.locator('[data-testid="exports"] a[data-export="contracts.ocds.json"]').getAttribute('href');
    expect(ocds).toBe('/export/contracts.ocds.json');
    // it cannot be limited to a contract filter (the export takes an OrganizationFilter): the page says so
    expect(await page.locator('[data-testid="exports"] .exports-note').textContent()).toContain('çdo kontratë');
    expect(outside).toEqual([]);
    await context.close();
  });

  it("shows a provider's contracting history on its profile", async () => {
    const all = await apiContracts({});
    const providerId = all.edges[0]!.node.provider.id;
    const org = (await gql<{ organization: { contracts: { id: string }[] } }>('query($id: ID!) { organization(id: $id) { contracts { id } } }', { id: providerId }))
      .organization;
    expect(org.contracts.length).toBeGreaterThan(0);
    const { page, context } = await openPage(browser, `/org/${providerId}`);
    const section = page.locator('[data-testid="profile-contracts"]');
    await expect.poll(() => section.getAttribute('data-count'), { timeout: 20_000 }).toBe(String(org.contracts.length));
    const ids = await section.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.contractId));
    expect(ids.sort()).toEqual(org.contracts.map((c) => c.id).sort());
    expect(await section.locator('h2').textContent()).toBe('Historia e kontraktimit');
    expect(baseURL).toMatch(/^http/);
    await context.close();
  });
});
