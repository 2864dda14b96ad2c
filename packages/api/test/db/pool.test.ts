import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config';
import type { Runtime } from '../../src/app/runtime';
import type { RunningServer } from '../../src/app/server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { serveApp, stopApp } from '../support/served-app';

let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    MAP_TILE_URL: '',
    WEB_DIST: '/nonexistent-web-dist',
    DEMO_DATA: 'off',
    DB_POOL_MAX: '3',
    DB_ACQUIRE_TIMEOUT_MS: '600',
    DB_STATEMENT_TIMEOUT_MS: '4000',
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '5000',
  });
  ({ runtime, server } = await serveApp(config));
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await db?.close();
});

const settings = async () => {
  const [row] = await runtime.orm.em.fork().execute(`select current_setting('statement_timeout') as statement, current_setting('idle_in_transaction_session_timeout') as idle`);
  return row;
};

describe('the request pool', () => {
  it('every connection has a statement timeout and an idle-in-transaction timeout', async () => {
    expect(await settings()).toEqual({ statement: '4s', idle: '5s' });
    await expect(runtime.orm.em.fork().execute('select pg_sleep(6)')).rejects.toThrow(/statement timeout/);
  });

  it('DB_POOL_MAX sizes the pool: that many connections at once, never more', async () => {
    const held = Array.from({ length: 5 }, () => runtime.orm.em.fork().execute(`select pg_backend_pid() as pid, pg_sleep(0.4)`).catch(() => null));
    const [{ open }] = await db.orm.em.fork().execute(
      `select count(*)::int as open from pg_stat_activity where datname = current_database() and query like '%pg_backend_pid() as pid, pg_sleep%' and pid <> pg_backend_pid()`,
    );
    await Promise.all(held);
    expect(open).toBeLessThanOrEqual(3);
    expect((runtime.orm.em.getConnection().getKnex().client as { pool: { max: number } }).pool.max).toBe(3);
  });

  it('a request that cannot get a connection is answered 503 SERVICE_UNAVAILABLE quickly, and the next one succeeds', async () => {
    // Three transactions hold every connection for two seconds.
    const holders = Array.from({ length: 3 }, () => runtime.orm.em.fork().transactional((tx) => tx.execute('select pg_sleep(2)')));
    await new Promise((r) => setTimeout(r, 200));
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ organizations(first: 1) { totalCount } }' }) });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    await Promise.all(holders);
    const again = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ organizations(first: 1) { totalCount } }' }) });
    expect(again.status).toBe(200);
  });
});
