import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm } from '../../src/app/db/orm';
import { createTestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import type { MikroORM } from '@mikro-orm/postgresql';
import { startHsdsServer } from '../hsds/hsds-fixture';

let db: TestDatabase;
let withReplica: MikroORM;

beforeAll(async () => {
  db = await createTestDatabase();
  await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra', sites: [{ municipality: 'prishtine', lat: 42.66, lng: 21.16 }], services: [{ name: 'S', categories: ['counselling'] }] }]);
  // The same database stands in for a replica: what matters is which connection each statement takes.
  withReplica = await openOrm(db.url, { pool: { min: 0, max: 2 } }, [db.url]);
});
afterAll(async () => {
  await withReplica?.close(true);
  await db?.close();
});

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  it('send the search page (its nested lists built in the same statement), map and coverage reads to the replica and keep entity loads on the primary', async () => {
    const api = await createTestApi({ ...db, orm: withReplica });
    const primary: string[] = [];
    const replica: string[] = [];
    withReplica.em.getConnection('write').getKnex().on('query', (q: { sql: string }) => primary.push(q.sql));
    withReplica.em.getConnection('read').getKnex().on('query', (q: { sql: string }) => replica.push(q.sql));
    expect(withReplica.em.getConnection('read')).not.toBe(withReplica.em.getConnection('write'));
    await api.reference.get();
    primary.length = 0;
    const result = await api.query('{ organizations(first: 5, filter: { text: "qendra" }) { totalCount edges { node { name services { name } contracts { id } } } } mapPoints { locationId } coverage(filter: { categories: ["counselling"] }) { cells { providers } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.organizations.totalCount).toBe(1);
    expect(result.data.mapPoints).toHaveLength(1);
    expect(replica.some((sql) => sql.includes('search_text'))).toBe(true);
    expect(replica.some((sql) => sql.includes('count(*)'))).toBe(true);
    expect(replica.some((sql) => sql.includes('location_id'))).toBe(true);
    expect(replica.some((sql) => sql.includes('from coverage_cell'))).toBe(true);
    expect(replica.some((sql) => sql.includes('json_agg') && sql.includes('from service'))).toBe(true);
    expect(primary.some((sql) => sql.includes('from service'))).toBe(false);
    // Contracts are still loaded as entities (a DataLoader over the EntityManager): on the primary.
    expect(primary.some((sql) => sql.includes('from "contract"'))).toBe(true);
    expect(primary.some((sql) => sql.includes('search_text like'))).toBe(false);
  });

  it('stream the HSDS export (COPY on a pooled connection of its own) from the replica', async () => {
    const taken = { read: 0, write: 0 };
    for (const type of ['read', 'write'] as const) {
      const client = withReplica.em.getConnection(type).getKnex().client;
      const acquire = client.acquireConnection.bind(client);
      client.acquireConnection = () => ((taken[type] += 1), acquire());
    }
    const hsds = await startHsdsServer(withReplica, { storeDocumentsAfterExport: false });
    try {
      expect((await hsds.get('/organizations?per_page=1')).status).toBe(200);
      taken.read = 0;
      const exported = await hsds.get('/organizations?full_service=true&format=ndjson');
      expect(exported.text.trim().split('\n').map((line) => JSON.parse(line).name)).toEqual(['Qendra']);
      // The one connection the export takes is the replica's (the primary serves the reference catalog, reloaded per request here).
      expect(taken.read).toBe(1);
    } finally {
      await hsds.close();
    }
  });
});
