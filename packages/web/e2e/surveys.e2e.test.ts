// Issue 15 end to end: a moderator opens a wave for one organization; its editor follows the
// invitation mail, fills the survey with a validation error (shares adding up to 90 %) and fixes it,
// submits; the moderator's response rate moves; a researcher opens the results of the demo 2022 wave,
// sees a withheld cell, downloads a chart's CSV, and opens the printable report in sq, sr and en.
// axe-core finds no serious or critical violation on these pages.
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './a11y';
import { connectBrowser, openPage } from './helpers';
import { createUser, signInFromPage, type TestUser } from './users';

const databaseUrl = inject('databaseUrl');
let browser: Browser;
let db: pg.Client;
let moderator: TestUser;
let editor: TestUser;
let organizationId: string;
let waveId: string;

function pageGql<T = any>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return page.evaluate(async ({ query, variables }) => {
    const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-civimap-csrf': '1' }, body: JSON.stringify({ query, variables }) });
    return (await res.json()).data;
  }, { query, variables });
}

beforeAll(async () => {
  browser = await connectBrowser();
  db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  [moderator, editor] = await Promise.all([createUser('moderator'), createUser('editor')]);
  const org = await db.query<{ id: string }>(
    `select o.id from organization o where o.is_demo and o.status = 'ACTIVE' and exists (select 1 from location l where l.organization_id = o.id) order by o.id limit 1`,
  );
  organizationId = org.rows[0]!.id;
  await db.query(`insert into membership (id, user_id, organization_id, role) select gen_random_uuid(), id, $1, 'EDITOR' from app_user where email = $2`, [organizationId, editor.email]);
});
afterAll(async () => {
  await db?.end();
  await browser?.close();
});

const expectNoSeriousA11yIssues = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

describe('the mapping survey', () => {
  it('a moderator opens a wave; the dashboard shows nobody has answered yet', async () => {
    const { page, context } = await openPage(browser, '/surveys');
    await signInFromPage(page, moderator);
    const today = new Date().toISOString().slice(0, 10);
    const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const r = await pageGql(page, `mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { wave { id invitedCount } userErrors { message } } }`, {
      input: { year: 2026, titles: { sq: 'Hartëzimi 2026', en: 'Mapping 2026' }, opensOn: today, closesOn: closes, audience: { organizationIds: [organizationId] } },
    });
    expect(r.openSurveyWave.userErrors).toEqual([]);
    expect(r.openSurveyWave.wave.invitedCount).toBe(1);
    waveId = r.openSurveyWave.wave.id;
    await page.goto('/surveys');
    await expect.poll(() => page.getAttribute('[data-testid="rate-total"]', 'data-submitted')).toBe('0');
    await expectNoSeriousA11yIssues(page);
    await context.close();
  });

  it('the editor follows the invitation, fixes a share sum the API refused, and submits', async () => {
    const mail = await db.query<{ body: string }>(`select body from outbox_message where recipient = $1 and kind = 'survey-invitation' order by created_at desc limit 1`, [editor.email]);
    const link = /\/surveys\/[0-9a-f-]+\/organizations\/[0-9a-f-]+/.exec(mail.rows[0]!.body)![0];
    const { page, context } = await openPage(browser, '/', { viewport: { width: 390, height: 844 } });
    await signInFromPage(page, editor);
    await page.goto(link);
    const q = (code: string) => page.locator(`[data-question="${code}"]`);
    await q('staff_paid').locator('input').waitFor();
    await q('staff_paid').locator('input').fill('6');
    await q('volunteers').locator('input').fill('4');
    await q('budget_band').locator('select').selectOption('UNDER_10K');
    for (const [part, value] of [['public', '50'], ['foreign', '30'], ['own', '10'], ['other', '0']]) await q('funding_shares').locator(`input[data-part="${part}"]`).fill(value);
    if ((await q('service_categories').locator('input:checked').count()) === 0) await q('service_categories').locator('input').first().check();
    await q('beneficiaries_total').locator('input').fill('120');
    await q('public_contracts').locator('input[value="no"]').check();
    await q('licensed').locator('select').selectOption('applying');
    await q('main_challenges').locator('input[value="funding"]').check();
    await page.getByRole('button', { name: 'Dorëzo', exact: true }).click();
    const error = page.locator('[data-field-error="funding_shares"]');
    await expect.poll(() => error.textContent()).toMatch(/100/);
    expect(await q('funding_shares').locator('input[data-part="public"]').getAttribute('aria-invalid')).toBe('true');
    await q('funding_shares').locator('input[data-part="other"]').fill('10');
    await page.getByRole('button', { name: 'Dorëzo', exact: true }).click();
    await expect.poll(() => page.getAttribute('[data-testid="survey-status"]', 'data-status'), { timeout: 15_000 }).toBe('SUBMITTED');
    expect(await error.count()).toBe(0);
    await expectNoSeriousA11yIssues(page);
    await context.close();
  });

  it('the moderator sees the response rate move', async () => {
    const { page, context } = await openPage(browser, '/');
    await signInFromPage(page, moderator);
    await page.goto('/surveys');
    await expect.poll(() => page.getAttribute('[data-testid="rate-total"]', 'data-submitted')).toBe('1');
    const r = await pageGql(page, `query($id: ID!) { surveyWave(id: $id) { submittedCount } }`, { id: waveId });
    expect(r.surveyWave.submittedCount).toBe(1);
    await context.close();
  });

  it('a researcher sees a withheld cell in the demo 2022 results and downloads a chart\'s CSV', async () => {
    const { page, context } = await openPage(browser, '/surveys');
    await page.locator('tr[data-year="2022"] a').first().click();
    await page.locator('[data-testid="dimension"]').selectOption('MUNICIPALITY');
    const withheld = page.locator('[data-testid="chart-block"]').first().locator('tr[data-suppressed="PRIMARY"]');
    await expect.poll(() => withheld.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await withheld.first().locator('.withheld').textContent()).toMatch(/5/);
    await page.locator('[data-testid="survey-chart"] svg').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.csv-download').first().click()]);
    expect(download.suggestedFilename()).toMatch(/^civimap-survey-2022-.*-municipality\.csv$/);
    // The browser runs apart (a remote connection): save the file here, then read it.
    const file = join(tmpdir(), `survey-${Date.now()}.csv`);
    await download.saveAs(file);
    const csv = await readFile(file, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('suppressed');
    expect(csv).toContain('PRIMARY');
    await page.locator('[data-testid="rate-map"]').waitFor();
    await expectNoSeriousA11yIssues(page);
    await context.close();
  });

  it('opens the printable report in Albanian, Serbian and English', async () => {
    const waves = await db.query<{ id: string }>(`select id from survey_wave where is_demo and year = 2022`);
    const { page, context } = await openPage(browser, `/surveys/${waves.rows[0]!.id}/report`);
    const first = page.locator('[data-chapter="who"] h2');
    await expect.poll(() => first.textContent()).toBe('1. Kush u përgjigj');
    expect(await page.locator('[data-chapter="shock"] table').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yIssues(page);
    await page.locator('[data-lang="sr"]').first().click();
    await expect.poll(() => first.textContent()).toBe('1. Ko je odgovorio');
    await page.locator('[data-lang="en"]').first().click();
    await expect.poll(() => first.textContent()).toBe('1. Who answered');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.no-print').first().isVisible()).toBe(false);
    await context.close();
  });
});
