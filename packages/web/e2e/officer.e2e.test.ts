// Issue 5 end to end, the officer's pages: an authority officer (made with the API's own command
// line) signs in, finds contractable providers for a category and municipality (the same set as the
// API's contractableFor), compares and shortlists two, annotates and reorders them, exports the
// shortlist as CSV and records a contract. The importer's page is in imports.e2e.test.ts.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './a11y';
import { browserForFile, gql, openPage, pageGql } from './helpers';
import { createUser, signInFromPage as signIn, type TestUser } from './users';

const browser = browserForFile();

const tag = randomBytes(4).toString('hex');
const AUTHORITY = 'ministry-justice';
let officer: TestUser;

/** The CSV's records after its "# …" preamble, as objects by header. */
function parseCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
  const split = (line: string) => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const [header, ...rows] = lines.map(split);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

const CATEGORY = 'family';
const MUNICIPALITY = 'prishtine';

describe('the officer finds contractable providers, shortlists and exports them', () => {
  let shortlisted: string[] = [];

  it('lists the providers of a category and municipality, the API contractable ones first', async () => {
    officer = await createUser('officer', AUTHORITY);
    const api = await gql<{ c: { totalCount: number; edges: { node: { id: string } }[] }; all: { totalCount: number } }>(
      `query($c: OrganizationFilter, $a: OrganizationFilter) { c: organizations(filter: $c, first: 100) { totalCount edges { node { id } } } all: organizations(filter: $a, first: 1) { totalCount } }`,
      { c: { contractableFor: { category: CATEGORY, municipality: MUNICIPALITY } }, a: { categories: [CATEGORY], municipalities: [MUNICIPALITY] } },
    );
    const contractableIds = api.c.edges.map((e) => e.node.id).sort();
    expect(contractableIds.length).toBeGreaterThanOrEqual(2);
    expect(api.all.totalCount).toBeLessThanOrEqual(100);

    const { page, context, outside } = await openPage(browser(), '/');
    // signed out: the page says who it is for
    await page.goto('/contracting');
    await page.locator('[data-testid="officer-denied"]').waitFor();
    await signIn(page, officer);
    await page.goto('/');
    // the header's account links lead officers to the page
    await page.getByTestId('account-nav').getByRole('link', { name: 'Ofruesit për kontraktim' }).click();
    await page.waitForURL((u) => u.pathname === '/contracting');
    await page.getByRole('heading', { level: 1, name: 'Gjej ofrues të kontraktueshëm' }).waitFor();
    expect(await page.getByTestId('nav-import').count()).toBe(0);
    await page.getByLabel('Kategoria e shërbimit').selectOption(CATEGORY);
    await page.getByLabel('Komuna', { exact: true }).selectOption(MUNICIPALITY);
    await page.waitForURL((u) => u.searchParams.get('cat') === CATEGORY && u.searchParams.get('mun') === MUNICIPALITY);
    const summary = page.locator('[data-testid="contracting-summary"]');
    await expect.poll(() => summary.getAttribute('data-count'), { timeout: 20_000 }).not.toBe('');
    expect(Number(await summary.getAttribute('data-count'))).toBe(api.all.totalCount);
    expect(Number(await summary.getAttribute('data-contractable'))).toBe(contractableIds.length);

    const rows = await page.locator('[data-testid="provider-row"]').evaluateAll((els) =>
      els.map((el) => ({ id: (el as HTMLElement).dataset.orgId!, contractable: (el as HTMLElement).dataset.contractable === 'true' })),
    );
    expect(rows.filter((r) => r.contractable).map((r) => r.id).sort()).toEqual(contractableIds);
    // ranked: every contractable provider comes before every other
    const firstOther = rows.findIndex((r) => !r.contractable);
    expect(firstOther === -1 ? rows.length : firstOther).toBe(contractableIds.length);
    // each row tells capacity, verification and every condition of the rule as the API checked it
    const first = page.locator('[data-testid="provider-row"]').first();
    expect(await first.textContent()).toMatch(/Verifikuar më/);
    expect(await first.locator('[data-testid="rule-checks"] li[data-holds="true"]').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.condition))).toEqual([
      'ACTIVE',
      'VERIFIED',
      'SERVICE',
      'AREA',
      'LICENCE',
    ]);
    expect(await first.locator('li[data-condition="LICENCE"]').textContent()).toMatch(/Licencë e vlefshme në datë — licenca .+ është e vlefshme më/);
    // a provider that is not contractable says which conditions fail: exactly the API's
    expect(firstOther, 'the demo data has a provider of the category there that is not contractable').toBeGreaterThan(-1);
    const failingOnPage = await page
      .locator('[data-testid="provider-row"]')
      .nth(firstOther)
      .locator('[data-testid="rule-checks"] li[data-holds="false"]')
      .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.condition));
    const checked = await gql<{ organization: { contractability: { failing: string[] } } }>(
      'query($id: ID!, $c: ID!, $m: ID!) { organization(id: $id) { contractability(category: $c, municipality: $m) { failing } } }',
      { id: rows[firstOther]!.id, c: CATEGORY, m: MUNICIPALITY },
    );
    expect(failingOnPage.length).toBeGreaterThan(0);
    expect(failingOnPage).toEqual(checked.organization.contractability.failing);

    // no serious or critical axe violation with the checks shown, in each language
    expect(await axeViolations(page)).toEqual([]);
    for (const [lang, condition] of [['en', 'Licence valid on the date'], ['sr', 'Licenca važeća na dan']] as const) {
      await page.locator(`.lang-switch button[data-lang="${lang}"]`).click();
      await expect.poll(() => first.locator('li[data-condition="LICENCE"] strong').textContent(), { timeout: 20_000 }).toBe(condition);
      expect(await axeViolations(page), lang).toEqual([]);
    }
    await page.locator('.lang-switch button[data-lang="sq"]').click();
    await expect.poll(() => first.locator('li[data-condition="LICENCE"] strong').textContent(), { timeout: 20_000 }).toBe('Licencë e vlefshme në datë');

    // the ranked list as CSV: the page's order, with the reason of each condition
    const [listFile] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="contractable-csv"]').click()]);
    const listChunks: Buffer[] = [];
    for await (const c of await listFile.createReadStream()) listChunks.push(c as Buffer);
    const ranked = parseCsv(Buffer.concat(listChunks).toString('utf8'));
    expect(ranked.map((r) => r.organization_id)).toEqual(rows.map((r) => r.id));
    expect(ranked[firstOther]!.failing).toBe(checked.organization.contractability.failing.join(';'));

    // compare: at most four; the fifth box is disabled
    const boxes = page.locator('[data-testid="provider-row"] input[type="checkbox"]');
    const n = Math.min(5, rows.length);
    for (let i = 0; i < Math.min(4, n); i++) await boxes.nth(i).check();
    if (n === 5) expect(await boxes.nth(4).isDisabled()).toBe(true);
    for (let i = Math.min(4, n) - 1; i >= 2; i--) await boxes.nth(i).uncheck();
    shortlisted = rows.slice(0, 2).map((r) => r.id);
    const table = page.locator('[data-testid="compare-table"]');
    await expect.poll(() => table.locator('thead th').evaluateAll((ths) => ths.map((th) => (th as HTMLElement).dataset.orgId))).toEqual(shortlisted);
    expect(await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.row))).toEqual([
      'contractable',
      'capacity',
      'residentialPlaces',
      'licences',
      'serviceArea',
      'sites',
      'verification',
      'contracts',
    ]);

    // save the two as a named shortlist
    const listName = `Familja Prishtinë ${tag}`;
    await page.getByLabel('Emri i një liste të re').fill(listName);
    await page.getByRole('button', { name: /^Ruaj 2 të krahasuarit/ }).click();
    await expect.poll(() => page.locator('[data-testid="shortlist-status"]').textContent()).toContain(listName);
    const editor = page.locator('[data-testid="shortlist-editor"]');
    expect(await editor.locator('[data-testid="shortlist-entries"] li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.orgId))).toEqual(shortlisted);

    // rename, annotate the first entry, move the second up (above the annotated one), save
    await editor.getByLabel('Emri', { exact: true }).fill(`${listName} (2)`);
    await editor.locator('[data-testid="shortlist-entries"] li').first().locator('input').fill('Thirr para ofertës');
    await editor.locator('[data-testid="shortlist-entries"] li').nth(1).getByRole('button', { name: /lart$/ }).click();
    await page.getByRole('button', { name: 'Ruaj ndryshimet' }).click();
    await expect.poll(() => page.locator('[data-testid="shortlist-status"]').textContent()).toBe('Ndryshimet u ruajtën.');
    shortlisted = [shortlisted[1]!, shortlisted[0]!];
    const shortlistId = (await editor.getAttribute('data-shortlist-id'))!;
    const saved = await pageGql<{ shortlist: { name: string; entries: { position: number; note: string | null; organization: { id: string } }[] } }>(
      page,
      'query($id: ID!) { shortlist(id: $id) { name entries { position note organization { id } } } }',
      { id: shortlistId },
    );
    expect(saved.shortlist.name).toBe(`${listName} (2)`);
    expect([...saved.shortlist.entries].sort((a, b) => a.position - b.position).map((e) => [e.organization.id, e.note])).toEqual([
      [shortlisted[0], null],
      [shortlisted[1], 'Thirr para ofertës'],
    ]);

    // export CSV: the browser downloads the file with the session cookie
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="shortlist-csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^civimap-shortlist-${shortlistId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    const csv = parseCsv(Buffer.concat(chunks).toString('utf8'));
    expect(csv.length).toBe(2);
    expect(csv.map((r) => r.organization_id)).toEqual(shortlisted);
    expect(csv.map((r) => r.note)).toEqual(['', 'Thirr para ofertës']);

    expect(outside).toEqual([]);
    await context.close();
  });

  it('by a point and a radius: the providers within it, contractable first, nearest first', async () => {
    const { page, context, outside } = await openPage(browser(), '/');
    await signIn(page, officer);
    await page.goto(`/contracting?cat=${CATEGORY}`);
    await page.getByRole('radio', { name: 'Brenda një rrezeje nga një pikë' }).check();
    await page.waitForURL((u) => u.searchParams.get('mode') === 'point');
    // a click on the small map picks a point
    await page.getByTestId('point-picker').click();
    await page.waitForURL((u) => u.searchParams.has('lat') && u.searchParams.has('lng'));
    // typed coordinates are the keyboard's way
    const near = { lat: 42.6629, lng: 21.1655, radiusKm: 8 };
    await page.getByLabel('Gjerësia gjeografike').fill(String(near.lat));
    await page.getByLabel('Gjatësia gjeografike').fill(String(near.lng));
    await page.getByLabel('Rrezja (km)').fill(String(near.radiusKm));
    await page.getByLabel('Rrezja (km)').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('lat') === near.lat.toFixed(5) && u.searchParams.get('r') === String(near.radiusKm));

    const api = await gql<{ organizations: { totalCount: number; edges: { distanceKm: number; node: { id: string } }[] } }>(
      'query($f: OrganizationFilter) { organizations(filter: $f, first: 50, orderBy: DISTANCE) { totalCount edges { distanceKm node { id } } } }',
      { f: { categories: [CATEGORY], near } },
    );
    expect(api.organizations.totalCount).toBeGreaterThan(1);
    const summary = page.locator('[data-testid="contracting-summary"]');
    await expect.poll(() => summary.getAttribute('data-count'), { timeout: 20_000 }).toBe(String(api.organizations.totalCount));
    const rows = await page.locator('[data-testid="provider-row"]').evaluateAll((els) =>
      els.map((el) => ({
        id: (el as HTMLElement).dataset.orgId!,
        contractable: (el as HTMLElement).dataset.contractable === 'true',
      })),
    );
    expect(rows.map((r) => r.id).sort()).toEqual(api.organizations.edges.map((e) => e.node.id).sort());
    const distance = new Map(api.organizations.edges.map((e) => [e.node.id, e.distanceKm]));
    const contractable = rows.filter((r) => r.contractable);
    const others = rows.filter((r) => !r.contractable);
    expect(rows).toEqual([...contractable, ...others]);
    for (const group of [contractable, others]) {
      const d = group.map((r) => distance.get(r.id)!);
      expect(d).toEqual([...d].sort((a, b) => a - b));
    }
    // every contractable one is among the verified providers the API calls licensed for the category
    // (licensedFor is the looser rule: a licence for a category below also counts there)
    const licensed = await gql<{ organizations: { edges: { node: { id: string } }[] } }>(
      'query($f: OrganizationFilter) { organizations(filter: $f, first: 100) { edges { node { id } } } }',
      { f: { categories: [CATEGORY], near, status: ['ACTIVE'], verified: true, licensedFor: { category: CATEGORY } } },
    );
    const licensedIds = new Set(licensed.organizations.edges.map((e) => e.node.id));
    expect(contractable.filter((r) => !licensedIds.has(r.id))).toEqual([]);
    // every contractable one is verified and licensed on the date
    for (const r of contractable) {
      const row = page.locator(`[data-testid="provider-row"][data-org-id="${r.id}"]`);
      expect(await row.textContent()).toMatch(/Verifikuar më/);
      expect(await row.locator('li[data-condition="LICENCE"]').getAttribute('data-holds')).toBe('true');
    }
    expect(await page.locator('[data-testid="provider-row"] [data-testid="distance"]').count()).toBe(rows.length);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('an officer of a municipality starts from their own municipality', async () => {
    const local = await createUser('officer', `municipality-${MUNICIPALITY}`);
    const { page, context, outside } = await openPage(browser(), '/');
    await signIn(page, local);
    await page.goto(`/contracting?cat=${CATEGORY}`);
    await page.waitForURL((u) => u.searchParams.get('mun') === MUNICIPALITY);
    expect(await page.getByLabel('Komuna', { exact: true }).inputValue()).toBe(MUNICIPALITY);
    await expect.poll(() => page.locator('[data-testid="contracting-summary"]').getAttribute('data-count'), { timeout: 20_000 }).not.toBe('');
    // a URL that names another municipality is kept
    await page.goto(`/contracting?cat=${CATEGORY}&mun=peje`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(page.url()).searchParams.get('mun')).toBe('peje');
    expect(outside).toEqual([]);
    await context.close();
  });

  it('records a contract for the officer’s authority, with the API’s errors next to the fields', async () => {
    const provider = shortlisted[0]!;
    const { page, context } = await openPage(browser(), '/');
    await signIn(page, officer);
    await page.goto(`/contracting/record?provider=${provider}`);
    await page.getByRole('heading', { level: 1, name: 'Regjistro një kontratë' }).waitFor();
    const authority = page.getByLabel('Autoriteti kontraktues');
    await expect.poll(() => authority.inputValue()).toBe(AUTHORITY);
    expect(await authority.isDisabled()).toBe(true);
    await expect.poll(() => page.getByLabel(/^Ofruesi\b/).inputValue()).toBe(provider);

    // no category: the API's error sits next to the categories
    await page.getByLabel('Shuma (EUR)').fill('12500');
    await page.getByRole('button', { name: 'Regjistro kontratën' }).click();
    await page.locator('[data-field-error="categories"]').waitFor();
    expect(await page.getByLabel('Kategoritë e shërbimit').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Kategoritë e shërbimit').selectOption([CATEGORY]);
    await page.getByLabel('Referenca').fill(`MD-${tag}`);
    await page.getByRole('button', { name: 'Regjistro kontratën' }).click();
    const done = page.locator('[data-testid="contract-recorded"]');
    await done.waitFor();
    const contractId = await done.getAttribute('data-contract-id');
    const api = await gql<{ contracts: { edges: { node: { id: string; amount: number; reference: string; authority: { code: string }; provider: { id: string } } }[] } }>(
      'query($f: ContractFilter) { contracts(filter: $f, first: 100) { edges { node { id amount reference authority { code } provider { id } } } } }',
      { f: { providers: [provider] } },
    );
    expect(api.contracts.edges.map((e) => e.node).find((c) => c.id === contractId)).toEqual({ id: contractId, amount: 12500, reference: `MD-${tag}`, authority: { code: AUTHORITY }, provider: { id: provider } });
    await context.close();
  });
});
