import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../../src/users/user.enums';
import { loadConfig } from '../../src/core/config';
import { CSV_COLUMNS } from '../../src/imports/csv-columns';
import { createRuntime, type Runtime } from '../../src/app/runtime';
import { type RunningServer, startServer } from '../../src/app/server';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;
let moderator: TestAccount;
let editor: TestAccount;

beforeAll(async () => {
  db = await createTestDatabase();
  moderator = await createAccount(db.orm.em, { email: 'mod@example.org', role: UserRole.MODERATOR, displayName: 'Moderatorja' });
  editor = await createAccount(db.orm.em, { email: 'ed@example.org' });
  runtime = await createRuntime({ config: loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent' }), logger: pino({ level: 'silent' }) });
  server = await startServer(runtime);
});
afterAll(async () => {
  await server?.close();
  await runtime?.close();
  await db?.close();
});

const HEADER = CSV_COLUMNS.map((c) => c.name);
const row = (values: Record<string, string>) => HEADER.map((h) => values[h] ?? '').join(',');
const bearer = (account: TestAccount) => ({ authorization: `Bearer ${account.token}` });
const organizations = async () => (await db.orm.em.fork().execute('select count(*)::int as n from organization'))[0].n as number;

async function waitFor(id: string, until: (job: any) => boolean): Promise<any[]> {
  const seen: any[] = [];
  for (let i = 0; i < 300; i++) {
    const job = await (await fetch(`${server.url}/import/jobs/${id}`, { headers: bearer(moderator) })).json();
    seen.push(job);
    if (until(job)) return seen;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
}

describe('import jobs over HTTP', () => {
  it('serves the template to anyone', async () => {
    const res = await fetch(`${server.url}/import/template.csv`);
    expect(res.status).toBe(200);
    expect((await res.text()).split('\n')[0]).toBe(HEADER.join(','));
  });

  it('only moderators and administrators import; cookie sessions need the CSRF header', async () => {
    const body = [HEADER.join(','), row({ name_sq: 'A', municipality: 'prishtine' })].join('\n');
    expect((await fetch(`${server.url}/import/csv`, { method: 'POST', body })).status).toBe(401);
    expect((await fetch(`${server.url}/import/csv`, { method: 'POST', body, headers: bearer(editor) })).status).toBe(403);
    const cookie = { cookie: `civimap_session=${moderator.token}` };
    expect((await fetch(`${server.url}/import/csv`, { method: 'POST', body, headers: cookie })).status).toBe(403);
    expect((await fetch(`${server.url}/import/csv`, { method: 'POST', body, headers: { ...cookie, 'x-civimap-csrf': '1' } })).status).toBe(201);
  });

  it('a dry run reports per row and writes nothing; the commit writes every valid row with progress, and an IMPORT revision each', async () => {
    const before = await organizations();
    const rows = Array.from({ length: 1200 }, (_, i) => row({ name_sq: `Organizata e Importuar ${i}`, municipality: i % 2 ? 'peje' : 'prishtine', service_name_sq: 'Këshillim', service_categories: 'counselling.family' }));
    const body = [HEADER.join(','), ...rows, row({ name_sq: '', municipality: 'prishtine' }), row({ name_sq: 'X', municipality: 'gotham' })].join('\n');
    const created = await fetch(`${server.url}/import/csv?filename=survey.csv`, { method: 'POST', body, headers: { ...bearer(moderator), 'content-type': 'text/csv' } });
    expect(created.status).toBe(201);
    const job = await created.json();
    expect(job).toMatchObject({ status: 'VALIDATED', filename: 'survey.csv', total: 1200, processed: 0 });
    expect(job.report.summary).toEqual({ total: 1202, valid: 1200, invalid: 2, duplicates: 0 });
    expect(job.report.rows[1200].errors[0]).toMatchObject({ column: 'name_sq', code: 'REQUIRED' });
    expect(job.report.rows[1201].errors[0]).toMatchObject({ column: 'municipality', code: 'UNKNOWN_MUNICIPALITY' });
    expect(await organizations()).toBe(before);

    const commit = await fetch(`${server.url}/import/jobs/${job.id}/commit`, { method: 'POST', headers: bearer(moderator) });
    expect(commit.status).toBe(202);
    const again = await fetch(`${server.url}/import/jobs/${job.id}/commit`, { method: 'POST', headers: bearer(moderator) });
    expect(again.status).toBe(409);
    const progress = await waitFor(job.id, (j) => j.status === 'COMMITTED' || j.status === 'FAILED');
    const last = progress.at(-1);
    expect(last.status).toBe('COMMITTED');
    expect(last.processed).toBe(1200);
    const processed = progress.map((p) => p.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(await organizations()).toBe(before + 1200);
    const [{ n }] = await db.orm.em.fork().execute(`select count(*)::int as n from revision where action = 'IMPORT' and author_id = ?`, [moderator.user.id]);
    expect(n).toBe(1200);
  });

  it('a file that cannot be read fails at once and can never be committed', async () => {
    const created = await fetch(`${server.url}/import/csv`, { method: 'POST', body: 'colour,size\nred,4\n', headers: bearer(moderator) });
    const job = await created.json();
    expect(job.status).toBe('FAILED');
    expect(job.report.fileErrors.map((e: any) => e.code)).toContain('MISSING_COLUMN');
    expect((await fetch(`${server.url}/import/jobs/${job.id}/commit`, { method: 'POST', headers: bearer(moderator) })).status).toBe(409);
  });

  it('lists the operator\'s latest jobs, newest first, without their reports', async () => {
    const jobs = await (await fetch(`${server.url}/import/jobs`, { headers: bearer(moderator) })).json();
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    expect(jobs[0].createdAt >= jobs[1].createdAt).toBe(true);
    expect(jobs.find((j: any) => j.filename === 'survey.csv')).toMatchObject({ status: 'COMMITTED', processed: 1200 });
    expect(jobs.every((j: any) => j.report === undefined)).toBe(true);
    expect((await fetch(`${server.url}/import/jobs`, { headers: bearer(editor) })).status).toBe(403);
  });

  it('keeps jobs private to whoever uploaded them', async () => {
    const other = await createAccount(db.orm.em, { email: 'mod2@example.org', role: UserRole.MODERATOR });
    const job = await (await fetch(`${server.url}/import/csv`, { method: 'POST', body: [HEADER.join(','), row({ name_sq: 'B', municipality: 'prishtine' })].join('\n'), headers: bearer(moderator) })).json();
    expect((await fetch(`${server.url}/import/jobs/${job.id}`, { headers: bearer(other) })).status).toBe(404);
  });
});
