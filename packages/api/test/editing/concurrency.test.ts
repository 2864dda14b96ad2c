import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config';
import { createRuntime } from '../../src/app/runtime';
import { startServer } from '../../src/app/server';
import { MembershipRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
let alice: TestAccount;
let bob: TestAccount;
let organizationId: string;

const UPDATE = `mutation($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { organization { id version acronym phone } userErrors { field message code } }
}`;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  const [organization] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra e Përbashkët' }]);
  organizationId = organization.id;
  const memberOf = [{ organizationId, role: MembershipRole.EDITOR }];
  alice = await createAccount(db.orm.em, { email: 'alice@example.org', memberOf });
  bob = await createAccount(db.orm.em, { email: 'bob@example.org', memberOf });
});
afterAll(async () => db?.close());

async function current() {
  const [row] = await db.orm.em.fork().execute('select version, acronym, phone from organization where id = ?', [organizationId]);
  const [{ n }] = await db.orm.em.fork().execute(`select count(*)::int as n from revision where entity_id = ? and action = 'UPDATE'`, [organizationId]);
  return { ...row, updateRevisions: n } as { version: number; acronym: string | null; phone: string | null; updateRevisions: number };
}

/** Both requests are past their version check and waiting to write when the row lock is released. */
async function withRowLocked<T>(run: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('select 1 from organization where id = $1 for update', [organizationId]);
    const running = run();
    for (let i = 0; ; i++) {
      // Statistics views are a snapshot per transaction: refresh it, or the loop would watch a still picture.
      await client.query('select pg_stat_clear_snapshot()');
      const { rows } = await client.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
      if (rows[0].n >= 2) break;
      if (i > 400) throw new Error(`the two updates never both waited for the row lock: ${JSON.stringify((await client.query("select state, wait_event_type, wait_event, left(query, 120) as q from pg_stat_activity where datname = current_database()")).rows)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await client.query('commit');
    return await running;
  } finally {
    await client.end();
  }
}

describe('two editors save the same organization from the same version', () => {
  it('at the same moment: exactly one wins, the other gets STALE_VERSION, and the winner\'s change is intact', async () => {
    const before = await current();
    const [a, b] = await withRowLocked(() =>
      Promise.all([
        api.query(UPDATE, { input: { id: organizationId, version: before.version, acronym: 'ALICE' } }, alice.as),
        api.query(UPDATE, { input: { id: organizationId, version: before.version, phone: '+383 38 000 111' } }, bob.as),
      ]),
    );
    const results = [a, b].map((r) => r.data!.updateOrganization);
    const winners = results.filter((r) => r.userErrors.length === 0);
    const losers = results.filter((r) => r.userErrors.length > 0);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].userErrors).toEqual([{ field: ['input', 'version'], message: expect.stringContaining('at the same moment'), code: 'STALE_VERSION' }]);
    expect(losers[0].organization).toBeNull();

    const after = await current();
    expect(after.version).toBe(before.version + 1);
    expect(after.updateRevisions).toBe(before.updateRevisions + 1);
    if (winners[0] === results[0]) expect(after).toMatchObject({ acronym: 'ALICE', phone: before.phone });
    else expect(after).toMatchObject({ acronym: before.acronym, phone: '+383 38 000 111' });
  });

  it('one after the other: the second, still holding the old version, gets STALE_VERSION and writes nothing', async () => {
    const before = await current();
    const first = await api.query(UPDATE, { input: { id: organizationId, version: before.version, acronym: 'FIRST' } }, alice.as);
    expect(first.data!.updateOrganization.userErrors).toEqual([]);
    const second = await api.query(UPDATE, { input: { id: organizationId, version: before.version, acronym: 'SECOND' } }, bob.as);
    expect(second.data!.updateOrganization.userErrors).toEqual([
      { field: ['input', 'version'], message: expect.stringContaining(`your version ${before.version}, now ${before.version + 1}`), code: 'STALE_VERSION' },
    ]);
    const after = await current();
    expect(after).toMatchObject({ version: before.version + 1, acronym: 'FIRST', updateRevisions: before.updateRevisions + 1 });
  });

  it('over HTTP, two real requests in parallel: the same, one 200 with the change and one STALE_VERSION', async () => {
    const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', MAP_TILE_URL: '', WEB_DIST: '/nonexistent-web-dist', DEMO_DATA: 'off', RATE_LIMIT_PER_MINUTE: '0' });
    const runtime = await createRuntime({ config, logger: pino({ level: 'silent' }) });
    const server = await startServer(runtime);
    try {
      const before = await current();
      const save = (who: TestAccount, input: Record<string, unknown>) =>
        fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` },
          body: JSON.stringify({ query: UPDATE, variables: { input: { id: organizationId, version: before.version, ...input } } }),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));
      const responses = await withRowLocked(() => Promise.all([save(alice, { acronym: 'HTTP-A' }), save(bob, { acronym: 'HTTP-B' })]));
      expect(responses.map((r) => r.status)).toEqual([200, 200]);
      const payloads = responses.map((r) => r.body.data.updateOrganization);
      const winner = payloads.find((p) => p.userErrors.length === 0);
      expect(payloads.filter((p) => p.userErrors[0]?.code === 'STALE_VERSION')).toHaveLength(1);
      const after = await current();
      expect(after).toMatchObject({ version: before.version + 1, acronym: winner.organization.acronym, updateRevisions: before.updateRevisions + 1 });
    } finally {
      await server.close();
      await runtime.close();
    }
  });

  it('many rounds of parallel saves without help: never two winners, never a lost update', async () => {
    for (let round = 0; round < 8; round++) {
      const before = await current();
      const results = await Promise.all(
        [alice, bob].map((who, i) => api.query(UPDATE, { input: { id: organizationId, version: before.version, acronym: `R${round}-${i}` } }, who.as)),
      );
      const ok = results.filter((r) => r.data!.updateOrganization.userErrors.length === 0);
      expect(ok).toHaveLength(1);
      const after = await current();
      expect(after.version).toBe(before.version + 1);
      expect(after.acronym).toBe(ok[0].data!.updateOrganization.organization.acronym);
      expect(after.updateRevisions).toBe(before.updateRevisions + 1);
    }
  });
});
