import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCsvImportCommand } from '../src/app/cli/csv-import-command';
import { CSV_COLUMNS } from '../src/imports/csv-columns';
import { UserRole } from '../src/users/user.enums';
import { createAccount, type TestAccount } from '../test/support/accounts';
import { createTestApi, type TestApi } from '../test/support/api';
import { createOrganizations } from '../test/support/fixtures';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database';
import { type AbuseServer, startAbuseServer } from './support';

let db: TestDatabase;
let api: TestApi;
let http: AbuseServer;
let officer: TestAccount;
let moderator: TestAccount;
let providerId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  http = await startAbuseServer(db.url, { RATE_LIMIT_PER_MINUTE: '0' });
  const [provider] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Strehimorja' }]);
  providerId = provider.id;
  officer = await createAccount(db.orm.em, { email: 'officer@mun.example.org', role: UserRole.AUTHORITY_OFFICER });
  moderator = await createAccount(db.orm.em, { email: 'mod@example.org', role: UserRole.MODERATOR });
  await db.orm.em.fork().execute(`update app_user set authority_id = (select id from public_authority where code = 'municipality-prishtine') where id = ?`, [officer.user.id]);
});
afterAll(async () => {
  await http?.close();
  await db?.close();
});

const RECORD = `mutation($input: RecordContractInput!) { recordContract(input: $input) { contract { id } userErrors { field code message } } }`;
const contract = (extra: Record<string, unknown>) => ({ authority: 'municipality-prishtine', provider: providerId, categories: ['residential.elderly'], modality: 'SOCIAL_SERVICES_CONTRACT', ...extra });
const contracts = async (where: string, params: unknown[]) => (await db.orm.em.fork().execute(`select count(*)::int as n from contract where ${where}`, params))[0].n as number;

describe('recordContract submitted twice', () => {
  it('10 parallel identical calls with a reference record one contract; a plain repeat is refused on the reference', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => api.query(RECORD, { input: contract({ reference: 'KP-2026-77' }) }, officer.as)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(results.filter((r) => r.data.recordContract.contract)).toHaveLength(1);
    expect(await contracts(`reference = ?`, ['KP-2026-77'])).toBe(1);
    const repeat = await api.query(RECORD, { input: contract({ reference: 'KP-2026-77' }) }, officer.as);
    expect(repeat.data.recordContract.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'reference'] });
  });

  it('10 parallel calls with one idempotency key (the web form\'s double click) record one contract and all answer with it', async () => {
    const input = contract({ title: 'Kujdesi ditor', idempotencyKey: 'form-3f2a9c' });
    const results = await Promise.all(Array.from({ length: 10 }, () => api.query(RECORD, { input }, officer.as)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const ids = new Set(results.map((r) => r.data.recordContract.contract?.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeTruthy();
    expect(await contracts(`title = ?`, ['Kujdesi ditor'])).toBe(1);
    // A later retry with the same key answers with the same contract, too.
    expect((await api.query(RECORD, { input }, officer.as)).data.recordContract.contract.id).toBe([...ids][0]);
  });
});

const csvOf = (rows: Record<string, string>[]) => {
  const header = CSV_COLUMNS.map((c) => c.name);
  return [header.join(','), ...rows.map((values) => header.map((h) => values[h] ?? '').join(','))].join('\n');
};
const bearer = () => ({ authorization: `Bearer ${moderator.token}`, 'content-type': 'text/csv' });

async function finishedJob(id: string) {
  for (let i = 0; i < 600; i++) {
    const job = await (await fetch(`${http.server.url}/import/jobs/${id}`, { headers: bearer() })).json();
    if (job.status === 'COMMITTED' || job.status === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the import did not finish');
}

describe('two imports of the same rows committed at once', () => {
  it('write each organization once', async () => {
    const body = csvOf(Array.from({ length: 20 }, (_, i) => ({ name_sq: `Organizata e Dyfishtë ${i}`, registration_number: `7000${i}-1`, municipality: 'prishtine' })));
    const headers = bearer();
    const jobs = await Promise.all([0, 1].map(async () => (await fetch(`${http.server.url}/import/csv`, { method: 'POST', body, headers })).json()));
    expect(jobs.map((j) => j.status)).toEqual(['VALIDATED', 'VALIDATED']);
    const commits = await Promise.all(jobs.map((j) => fetch(`${http.server.url}/import/jobs/${j.id}/commit`, { method: 'POST', headers })));
    expect(commits.map((c) => c.status)).toEqual([202, 202]);
    const finished = await Promise.all(jobs.map((j) => finishedJob(j.id)));
    const [{ n }] = await db.orm.em.fork().execute(`select count(*)::int as n from organization where name_sq like 'Organizata e Dyfishtë %'`);
    expect(n).toBe(20);
    // One commit wrote the rows; the other found them all in the registry when it re-validated.
    expect(finished.map((j) => j.written?.organizations ?? 0).sort()).toEqual([0, 20]);
  });

  it('the command line (npm run import:csv) and the app commit through the same lock: rows without registration numbers are written once', async () => {
    // No registration number, so only the serialized re-validation (same name, site in the same municipality) can tell the copies.
    const body = csvOf(Array.from({ length: 20 }, (_, i) => ({ name_sq: `Qendra pa Numër ${i}`, municipality: 'prishtine', lat: '42.6629', lng: '21.1655' })));
    const job = await (await fetch(`${http.server.url}/import/csv`, { method: 'POST', body, headers: bearer() })).json();
    expect(job.status).toBe('VALIDATED');
    const [cli, commit] = await Promise.all([
      runCsvImportCommand(db.orm.em.fork(), body, { commit: true, print: () => undefined }),
      fetch(`${http.server.url}/import/jobs/${job.id}/commit`, { method: 'POST', headers: bearer() }),
    ]);
    expect(commit.status).toBe(202);
    const web = await finishedJob(job.id);
    const [{ n }] = await db.orm.em.fork().execute(`select count(*)::int as n from organization where name_sq like 'Qendra pa Numër %'`);
    expect(n).toBe(20);
    expect([cli.written, web.written?.organizations ?? 0].sort()).toEqual([0, 20]);
  });
});
