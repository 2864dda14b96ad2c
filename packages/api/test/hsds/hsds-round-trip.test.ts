import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHsds, readNdjson } from '../../src/imports/hsds-import';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createHsdsFixture, type HsdsServer, startHsdsServer } from './hsds-fixture';

/**
 * The HSDS round trip: everything read from database A as NDJSON, imported into an empty database B
 * (reference data only), read again from B: the same bytes.
 */
let a: TestDatabase;
let b: TestDatabase;
let apiA: HsdsServer;
let apiB: HsdsServer;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await createHsdsFixture(a.orm.em.fork());
  [apiA, apiB] = await Promise.all([startHsdsServer(a.orm), startHsdsServer(b.orm)]);
});
afterAll(async () => {
  await Promise.all([apiA?.close(), apiB?.close()]);
  await Promise.all([a?.close(), b?.close()]);
});

const EVERYTHING = '/organizations?full_service=true&format=ndjson';

describe('HSDS round trip', () => {
  it('export from A, import into an empty B, export from B: identical', async () => {
    const exported = await apiA.get(EVERYTHING);
    expect(exported.status).toBe(200);
    const lines = readNdjson(exported.text);
    expect(lines).toHaveLength(3);
    expect((await apiB.get(EVERYTHING)).text).toBe('');

    const dryRun = await importHsds(b.orm.em.fork(), lines);
    expect(dryRun.rows.flatMap((r) => r.errors)).toEqual([]);
    expect(dryRun).toMatchObject({ dryRun: true, committed: false, summary: { total: 3, valid: 3, invalid: 0, duplicates: 0 } });
    expect((await apiB.get(EVERYTHING)).text).toBe('');

    const report = await importHsds(b.orm.em.fork(), lines, { dryRun: false });
    expect(report).toMatchObject({ committed: true, written: { organizations: 3, services: 5, locations: 4, serviceAtLocations: 5, revisions: 4 } });

    const again = await apiB.get(EVERYTHING);
    expect(again.text).toBe(exported.text);
  });

  it('the other views agree too: lists, services, service_at_locations, filters', async () => {
    for (const path of [
      '/organizations?per_page=100',
      '/services?format=ndjson&full=true',
      '/service_at_locations?format=ndjson&full=true',
      '/services?search=femije',
      '/taxonomy_terms?format=ndjson',
    ]) {
      expect((await apiB.get(path)).text, path).toBe((await apiA.get(path)).text);
    }
  });

  it('importing the same file again finds every organization a duplicate and writes nothing', async () => {
    const lines = readNdjson((await apiA.get(EVERYTHING)).text);
    const before = (await apiB.get(EVERYTHING)).text;
    const report = await importHsds(b.orm.em.fork(), lines, { dryRun: false });
    expect(report.summary).toEqual({ total: 3, valid: 0, invalid: 0, duplicates: 3 });
    expect(report.rows.every((r) => r.duplicateOf === r.id)).toBe(true);
    expect(report.written.organizations).toBe(0);
    expect((await apiB.get(EVERYTHING)).text).toBe(before);
  });
});
