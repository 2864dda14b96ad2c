import http from 'node:http';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/accounts/auth';
import { UNWATCHED_TABLES } from '../../src/app/cache/registry-changes';
import { loadConfig } from '../../src/core/config';
import { createRuntime, type Runtime } from '../../src/app/runtime';
import { type RunningServer, startServer } from '../../src/app/server';
import { MembershipRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let runtime: Runtime;
// Two servers with a cache and a change feed each, as two API processes would have; one database.
let a: RunningServer;
let b: RunningServer;
let owner: TestAccount;
let orgId: string;
let outside: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent', RATE_LIMIT_PER_MINUTE: '0' });
  runtime = await createRuntime({ config, logger: pino({ level: 'silent' }) });
  a = await startServer(runtime);
  b = await startServer(runtime);
  const [org] = await createOrganizations(runtime.orm.em.fork(), [{ sq: 'Qendra Alfa', verified: true }, { sq: 'Qendra Beta' }]);
  orgId = org.id;
  owner = await createAccount(runtime.orm.em, { email: 'cache-owner@example.org', memberOf: [{ organizationId: orgId, role: MembershipRole.OWNER }] });
  // A writer that is no API process at all (an import job, a psql session).
  outside = new pg.Client({ connectionString: db.url });
  await outside.connect();
});
afterAll(async () => {
  await outside?.end();
  await a?.close();
  await b?.close();
  await runtime?.close();
  await db?.close();
});

interface Answer {
  status: number;
  cache: string | null;
  etag: string | null;
  text: string;
  body: any;
}

async function post(server: RunningServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, cache: res.headers.get('x-cache'), etag: res.headers.get('etag'), text, body: text ? JSON.parse(text) : null };
}

const LIST = `query($lang: Language) { organizations(first: 10) { totalCount edges { node { id acronym name(lang: $lang) } } } }`;
const acronymOf = (answer: Answer) => answer.body.data.organizations.edges.find((e: any) => e.node.id === orgId).node.acronym;
const E = 'userErrors { field message code }';

describe('the response cache of anonymous reads', () => {
  it('serves the same bytes to the same anonymous query; other variables are another entry', async () => {
    const first = await post(a, LIST, { lang: 'SQ' });
    expect(first.cache).toBe('MISS');
    const again = await post(a, LIST, { lang: 'SQ' });
    expect(again.cache).toBe('HIT');
    expect(again.text).toBe(first.text);
    expect(again.etag).toBe(first.etag);
    expect((await post(a, LIST, { lang: 'EN' })).cache).toBe('MISS');
  });

  it('an edit through one server is seen by the next read on it and on the other server; so is its revert', async () => {
    await post(a, LIST);
    await post(b, LIST);
    expect((await post(a, LIST)).cache).toBe('HIT');
    expect((await post(b, LIST)).cache).toBe('HIT');
    const [{ version }] = await runtime.orm.em.fork().execute('select version from organization where id = ?', [orgId]);
    const edit = await post(a, `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { ${E} } }`,
      { input: { id: orgId, version, acronym: 'QA1' } }, { authorization: `Bearer ${owner.token}` });
    expect(edit.body.data.updateOrganization.userErrors).toEqual([]);
    expect(acronymOf(await post(a, LIST))).toBe('QA1');
    expect(acronymOf(await post(b, LIST))).toBe('QA1');

    const [revision] = await runtime.orm.em.fork().execute(`select id from revision where entity_id = ? order by created_at desc limit 1`, [orgId]);
    const revert = await post(b, `mutation($id: ID!) { revertRevision(revisionId: $id) { ${E} } }`, { id: revision.id }, { authorization: `Bearer ${owner.token}` });
    expect(revert.body.data.revertRevision.userErrors).toEqual([]);
    expect(acronymOf(await post(a, LIST))).toBeNull();
    expect(acronymOf(await post(b, LIST))).toBeNull();
  });

  it('a write by no API process (an import, a psql session) is seen by the next read on both servers', async () => {
    await post(a, LIST);
    await post(b, LIST);
    await outside.query(`update organization set acronym = 'OUT' where id = $1`, [orgId]);
    expect(acronymOf(await post(a, LIST))).toBe('OUT');
    expect(acronymOf(await post(b, LIST))).toBe('OUT');
    await outside.query(`update organization set acronym = null where id = $1`, [orgId]);
  });

  it('every table notifies on commit but the few whose writes change no public answer (tables of later migrations too)', async () => {
    const { rows } = await outside.query(`select c.relname as name, exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'civimap_registry_changed') as watched
      from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') order by 1`);
    const unwatched: string[] = [...UNWATCHED_TABLES];
    expect(rows.filter((r) => !r.watched).map((r) => r.name).sort()).toEqual(rows.map((r) => r.name).filter((n) => unwatched.includes(n)).sort());
    expect(rows.filter((r) => r.watched).map((r) => r.name)).toEqual(expect.arrayContaining(['organization', 'survey_wave', 'survey_response', 'coverage_cell', 'service_reach']));
    // A statement that changes nothing still notifies (statement-level): the survey's tables, say.
    for (const table of ['survey_wave', 'survey_response', 'licence']) {
      await post(a, LIST);
      expect((await post(a, LIST)).cache).toBe('HIT');
      await outside.query(`delete from "${table}" where false`);
      expect((await post(a, LIST)).cache).toBe('MISS');
    }
    // A session's last-seen time is not registry data: the cache stays.
    await outside.query(`update user_session set last_seen_at = now()`);
    expect((await post(a, LIST)).cache).toBe('HIT');
  });

  it('a rolled-back write changes nothing and keeps the cache', async () => {
    await post(a, LIST);
    await outside.query('begin');
    await outside.query(`update organization set acronym = 'NO' where id = $1`, [orgId]);
    await outside.query('rollback');
    const read = await post(a, LIST);
    expect(read.cache).toBe('HIT');
    expect(acronymOf(read)).toBeNull();
  });
});

describe('what the cache never does', () => {
  const PRIVATE = `query($id: ID!) { organization(id: $id) { id name viewerPermissions { edit membership } } }`;

  it('never serves a signed-in answer to anyone, nor an anonymous one to a signed-in request; forged credentials bypass it', async () => {
    const signedIn = await post(a, PRIVATE, { id: orgId }, { authorization: `Bearer ${owner.token}` });
    expect(signedIn.cache).toBeNull();
    expect(signedIn.body.data.organization.viewerPermissions).toEqual({ edit: true, membership: 'OWNER' });
    const anonymous = await post(a, PRIVATE, { id: orgId });
    expect(anonymous.cache).toBe('MISS');
    expect(anonymous.body.data.organization.viewerPermissions).toEqual({ edit: false, membership: null });
    expect((await post(a, PRIVATE, { id: orgId })).cache).toBe('HIT');

    const byCookie = await post(a, PRIVATE, { id: orgId }, { cookie: `${SESSION_COOKIE}=${owner.token}` });
    expect(byCookie.cache).toBeNull();
    expect(byCookie.body.data.organization.viewerPermissions.membership).toBe('OWNER');
    const forgeries: Record<string, string>[] = [{ cookie: `${SESSION_COOKIE}=forged` }, { cookie: `other=1; ${SESSION_COOKIE}=` }, { authorization: 'Bearer forged' }, { authorization: 'Basic Zm9vOmJhcg==' }];
    for (const forged of forgeries) {
      const answer = await post(a, PRIVATE, { id: orgId }, forged);
      expect(answer.cache).toBeNull();
      expect(answer.body.data.organization.viewerPermissions.membership).toBeNull();
    }
    const after = await post(a, PRIVATE, { id: orgId });
    expect(after.cache).toBe('HIT');
    expect(after.body.data.organization.viewerPermissions.membership).toBeNull();
  });

  it('keeps no answer with errors and no mutation', async () => {
    for (let i = 0; i < 2; i++) expect((await post(a, `query($id: ID!) { organization(id: $id) { id } }`, { id: 'not-a-uuid' })).cache).toBe('MISS');
    const signIn = `mutation { signIn(input: { email: "nobody@example.org", password: "wrong password 1" }) { ${E} } }`;
    for (let i = 0; i < 2; i++) expect((await post(a, signIn)).cache).toBe('MISS');
  });
});

describe('coalescing, HTTP validators, memory', () => {
  it('20 parallel identical misses run the query once and all get its answer', async () => {
    const query = `query($lang: Language) { parallel: organizations(first: 7) { totalCount edges { node { id name(lang: $lang) } } } }`;
    await post(a, query, { lang: 'SR' }); // reference data and the compiled query warm, on other variables
    const statements: string[] = [];
    const count = (q: { sql: string }) => statements.push(q.sql);
    const knex = runtime.orm.em.getConnection().getKnex();
    knex.on('query', count);
    const before = a.responseCacheStats()!;
    let answers: Answer[];
    try {
      answers = await Promise.all(Array.from({ length: 20 }, () => post(a, query, { lang: 'EN' })));
    } finally {
      knex.removeListener('query', count);
    }
    const after = a.responseCacheStats()!;
    expect(answers.every((x) => x.status === 200 && x.text === answers[0].text)).toBe(true);
    expect(answers.filter((x) => x.cache === 'MISS')).toHaveLength(1);
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits + after.shared - before.hits - before.shared).toBe(19);
    // The page and its count, once.
    expect(statements.filter((sql) => /from "?organization"?/i.test(sql))).toHaveLength(2);
  });

  it('a GET answer carries a strong ETag; If-None-Match gets 304', async () => {
    const url = `${a.url}/graphql?query=${encodeURIComponent('{ regions { code } }')}`;
    const headers = { 'apollo-require-preflight': 'true', accept: 'application/json' };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const hit = await fetch(url, { headers });
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('cache-control')).toBe('public, max-age=60');
    // node:http, not fetch: fetch adds Cache-Control: no-cache to a conditional request.
    const revalidated = await new Promise<number>((resolve, reject) =>
      http.get(url, { headers: { ...headers, 'if-none-match': etag! } }, (res) => resolve(res.resume().statusCode!)).on('error', reject),
    );
    expect(revalidated).toBe(304);
    // Without the preflight header Apollo refuses a GET; the cache must not answer it either.
    const simple = await fetch(url, { headers: { accept: 'application/json' } });
    expect(simple.status).toBe(400);
  });

  it('holds at most its byte budget, dropping the least recently used; RESPONSE_CACHE_MB=0 turns it off', async () => {
    const small = await startServer({ ...runtime, config: { ...runtime.config, responseCache: { maxBytes: 12_000, ttlMs: 60_000 } } });
    const off = await startServer({ ...runtime, config: loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent', RATE_LIMIT_PER_MINUTE: '0', RESPONSE_CACHE_MB: '0' }) });
    try {
      const q = (n: number) => `{ organizations(first: ${n}) { edges { node { id name acronym } } } }`;
      for (let n = 1; n <= 30; n++) await post(small, q(n));
      const stats = small.responseCacheStats()!;
      expect(stats.bytes).toBeLessThanOrEqual(12_000);
      expect(stats.entries).toBeLessThan(30);
      expect((await post(small, q(30))).cache).toBe('HIT');
      expect((await post(small, q(1))).cache).toBe('MISS');
      const plain = await post(off, LIST);
      expect(plain.status).toBe(200);
      expect(plain.cache).toBeNull();
      expect(off.responseCacheStats()).toBeNull();
    } finally {
      await small.close();
      await off.close();
    }
  });

  it('without its change feed the cache steps aside, and comes back once it listens again', async () => {
    await outside.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name like '%:change-feed' and datname = current_database()`);
    const during = await post(a, LIST);
    expect(during.status).toBe(200);
    expect(during.body.errors).toBeUndefined();
    let cache: string | null = null;
    for (let i = 0; i < 100 && cache !== 'HIT'; i++) {
      cache = (await post(a, LIST)).cache;
      if (cache !== 'HIT') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(cache).toBe('HIT');
  });
});
