// Issue 5 end to end, the importer's page: a moderator (made with the API's own command line) uploads
// a CSV with one broken row, reads the per-row report, commits and follows the progress bar to 100 %;
// an officer is told the page is for moderators.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { browserForFile, gql, openPage } from './helpers';
import { createUser, signInFromPage as signIn } from './users';

const browser = browserForFile();

const tag = randomBytes(4).toString('hex');

describe('the moderator imports a CSV', () => {
  it('shows the per-row report, commits the valid rows and follows the progress to 100 %', async () => {
    const moderator = await createUser('moderator');
    const { page, context, outside } = await openPage(browser(), '/');
    await signIn(page, moderator);
    await page.goto('/');
    await page.getByTestId('account-nav').getByRole('link', { name: 'Importi' }).click();
    await page.waitForURL((u) => u.pathname === '/import');
    await page.getByRole('heading', { level: 1, name: 'Importo organizata' }).waitFor();
    expect(await page.locator('[data-testid="import-template"]').getAttribute('href')).toBe('/import/template.csv');

    const template = await (await fetch(new URL('/import/template.csv', page.url()))).text();
    const header = template.split('\n')[0]!.split(',');
    const row = (values: Record<string, string>) => header.map((h) => values[h] ?? '').join(',');
    const names = [`Qendra Importi Alfa ${tag}`, `Qendra Importi Beta ${tag}`];
    const csv = [
      header.join(','),
      row({ name_sq: names[0]!, legal_form: 'ASSOCIATION', email: 'alfa@example.org', municipality: 'prishtine', lat: '42.6629', lng: '21.1655' }),
      row({ name_sq: `Rresht i prishur ${tag}`, email: 'not-an-email', municipality: 'prishtine', lat: '48.1', lng: '21.1655', year_founded: '1850' }),
      row({ name_sq: names[1]!, legal_form: 'FOUNDATION', municipality: 'prizren' }),
    ].join('\n');
    await page.locator('[data-testid="import-form"] input[type="file"]').setInputFiles({ name: `import-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Ngarko dhe kontrollo' }).click();
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor();
    const summary = await page.locator('[data-testid="import-summary"] li').evaluateAll((lis) => Object.fromEntries(lis.map((li) => [(li as HTMLElement).dataset.key, Number((li as HTMLElement).dataset.value)])));
    expect(summary).toEqual({ total: 3, valid: 2, invalid: 1, duplicates: 0 });
    // the broken row is line 3 (the header is line 1); its problems name their columns
    const problems = await page.locator('[data-testid="import-problems"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ line: (tr as HTMLElement).dataset.line, column: (tr as HTMLElement).dataset.column })),
    );
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(new Set(problems.map((p) => p.line))).toEqual(new Set(['3']));
    expect(problems.map((p) => p.column)).toEqual(expect.arrayContaining(['email']));
    expect(await page.locator('[data-testid="import-problems"] thead th').allTextContents()).toEqual(['Rreshti', 'Kolona', 'Problemi']);

    // nothing is written before the commit
    const before = await gql<{ organizations: { totalCount: number } }>('query($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }', { f: { text: tag } });
    expect(before.organizations.totalCount).toBe(0);

    await page.getByRole('button', { name: 'Konfirmo 2 rreshta të vlefshëm' }).click();
    const outcome = page.locator('[data-testid="import-outcome"]');
    await outcome.waitFor({ timeout: 30_000 });
    expect(await outcome.getAttribute('data-status')).toBe('COMMITTED');
    const progress = page.locator('[data-testid="import-progress"]');
    expect(await progress.evaluate((el) => (el as HTMLProgressElement).value)).toBe(100);
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    expect(await progress.getAttribute('aria-valuemax')).toBe('100');
    expect(await page.getByLabel('Ecuria e importit').count()).toBe(1);

    const after = await gql<{ organizations: { totalCount: number; edges: { node: { name: string } }[] } }>(
      'query($f: OrganizationFilter) { organizations(filter: $f, first: 10) { totalCount edges { node { name } } } }',
      { f: { text: tag } },
    );
    expect(after.organizations.edges.map((e) => e.node.name).sort()).toEqual([...names].sort());
    // the page speaks the other languages too
    await page.locator('.lang-switch button[data-lang="en"]').click();
    await page.getByRole('heading', { level: 1, name: 'Import organizations' }).waitFor();
    expect(await page.getByLabel('Import progress').count()).toBe(1);
    await page.locator('.lang-switch button[data-lang="sr"]').click();
    await page.getByRole('heading', { level: 1, name: 'Uvoz organizacija' }).waitFor();
    await page.locator('.lang-switch button[data-lang="sq"]').click();
    expect(outside).toEqual([]);
    await context.close();
  });

  it('tells an officer that imports are for moderators', async () => {
    const officer = await createUser('officer');
    const { page, context } = await openPage(browser(), '/');
    await signIn(page, officer);
    await page.goto('/import');
    expect(await page.locator('[data-testid="officer-denied"]').textContent()).toMatch(/moderatorët/);
    await context.close();
  });
});
