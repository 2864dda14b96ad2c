import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/app/runtime';
import type { RunningServer } from '../../src/app/server';
import { loadConfig } from '../../src/core/config';
import { UserRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { E, openWave } from './helpers';
import { createResultOrganizations, fixtureAnswers, insertSubmitted } from './results-fixture';
import { serveApp, stopApp } from '../support/served-app';

let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;
let admin: TestAccount;
let moderator: TestAccount;
let closedWave: string;
let openWaveId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const api = await createTestApi(db);
  admin = await createAccount(db.orm.em, { email: 'admin@example.org', role: UserRole.ADMIN });
  moderator = await createAccount(db.orm.em, { email: 'moderator@example.org', role: UserRole.MODERATOR });
  const orgs = await createResultOrganizations(db.orm.em.fork());
  const wave = await openWave(api, moderator.as);
  closedWave = wave.id;
  await insertSubmitted(db.orm.em.fork(), closedWave, orgs, fixtureAnswers(orgs.length, 5));
  const closed = await api.query(`mutation($id: ID!, $v: Int!) { closeSurveyWave(waveId: $id, version: $v) { userErrors ${E} } }`, { id: closedWave, v: wave.version }, moderator.as);
  expect(closed.data.closeSurveyWave.userErrors).toEqual([]);
  openWaveId = (await openWave(api, moderator.as)).id;
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent' });
  ({ runtime, server } = await serveApp(config));
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await db?.close();
});

const get = (path: string, token?: string) => fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const rowsOf = async (res: Response) => parse(await res.text(), { columns: true, bom: true }) as Record<string, string>[];

describe('survey exports', () => {
  it('survey-results.csv: the figures of a closed wave, withheld cells empty, no free text', async () => {
    const res = await get(`/export/survey-results.csv?wave=${closedWave}&groupBy=MUNICIPALITY`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/civimap-survey-2026-results-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = await rowsOf(res);
    const suhareke = rows.filter((r) => r.code_1 === 'suhareke');
    expect(suhareke.length).toBeGreaterThan(0);
    expect(suhareke.every((r) => r.cell_suppressed === 'PRIMARY' && r.respondents === '' && r.sum === '' && r.count === '')).toBe(true);
    expect(rows.some((r) => r.cell_suppressed === 'COMPLEMENTARY')).toBe(true);
    const total = rows.find((r) => r.dimension_1 === '' && r.question === 'staff_paid')!;
    expect(Number(total.respondents)).toBe(40);
    expect(rows.some((r) => r.question === 'challenges_text')).toBe(false);
    expect((await get(`/export/survey-results.csv?wave=${openWaveId}`)).status).toBe(404);
    expect((await get(`/export/survey-results.csv?groupBy=PLANET`)).status).toBe(400);
  });

  it('the data package lists the survey results with their Table Schema', async () => {
    const pkg = await (await get('/export/datapackage.json')).json();
    const resource = pkg.resources.find((r: any) => r.name === 'survey-results');
    expect(resource.schema.fields.map((f: any) => f.name)).toContain('cell_suppressed');
    expect(pkg.resources.some((r: any) => /responses/.test(r.name))).toBe(false);
  });

  it('survey-responses.csv: per-organization answers, free text included, for administrators only', async () => {
    expect((await get(`/export/survey-responses.csv?wave=${closedWave}`)).status).toBe(401);
    expect((await get(`/export/survey-responses.csv?wave=${closedWave}`, moderator.token)).status).toBe(403);
    const res = await get(`/export/survey-responses.csv?wave=${closedWave}`, admin.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const rows = await rowsOf(res);
    expect(rows).toHaveLength(40);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['organization_id', 'municipality', 'staff_paid', 'funding_shares.public', 'challenges_text']));
    expect(rows.filter((r) => r.challenges_text.startsWith('SECRET-TEXT-5-'))).toHaveLength(40);
  });

  it('no free text in the public exports and the HSDS API', async () => {
    for (const path of ['/export/organizations.csv', '/export/services.csv', '/hsds/organizations?full_service=true&format=ndjson', `/export/survey-results.csv?wave=${closedWave}&groupBy=CATEGORY,TARGET_GROUP`]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).not.toContain('SECRET-TEXT');
    }
  });
});
