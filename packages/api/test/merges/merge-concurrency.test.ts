import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createDuplicates, gql, MERGE, UNMERGE, versionOf } from './merge-fixture';

/**
 * Merges are compare-and-set on both versions, with the two rows locked in one fixed order: of
 * concurrent merges of one pair exactly one wins, whichever way round they are asked, and no cycle
 * (A into B and B into A) can come out of it.
 */
let db: TestDatabase;
let api: TestApi;
let moderators: TestAccount[];
let seats: Parameters<typeof createDuplicates>[2];

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  const rows = await db.orm.em.fork().execute(`select code, seat_lat as lat, seat_lng as lng from municipality where code in ('prishtine', 'peje')`);
  seats = Object.fromEntries(rows.map((r: any) => [r.code, { lat: r.lat, lng: r.lng }])) as typeof seats;
  moderators = [
    await createAccount(db.orm.em, { email: 'm1@example.org', role: UserRole.MODERATOR }),
    await createAccount(db.orm.em, { email: 'm2@example.org', role: UserRole.ADMIN }),
  ];
});
afterAll(async () => db?.close());

const codesOf = (payloads: { userErrors: { code: string }[] }[]) => payloads.map((p) => p.userErrors.map((e) => e.code).join(',') || 'OK');
const activeMerges = async (ids: string[]) =>
  Number((await db.orm.em.fork().execute(`select count(*) as n from organization_merge where undone_at is null and merged_id = any(?::uuid[])`, [`{${ids.join(',')}}`]))[0].n);

describe('concurrent merges', () => {
  it('20 identical merges at once: exactly one wins, the others are told it was merged or changed', async () => {
    const pair = await createDuplicates(db.orm.em, 'P20', seats);
    const input = { keptId: pair.keptId, keptVersion: await versionOf(db.orm.em, pair.keptId), mergedId: pair.mergedId, mergedVersion: await versionOf(db.orm.em, pair.mergedId) };
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => gql(api, MERGE, { input }, moderators[i % 2].as)));
    const codes = codesOf(results.map((r) => r.mergeOrganizations));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'OK').every((c) => c === 'INVALID_INPUT' || c === 'STALE_VERSION')).toBe(true);
    expect(await activeMerges([pair.mergedId])).toBe(1);
    expect(Number((await db.orm.em.fork().execute('select count(*) as n from service where organization_id = ?', [pair.keptId]))[0].n)).toBe(2);
    // One MERGE revision on each record, not twenty.
    const [{ n }] = await db.orm.em.fork().execute(`select count(*)::int as n from revision where action = 'MERGE' and entity_id in (?, ?)`, [pair.keptId, pair.mergedId]);
    expect(n).toBe(2);
  });

  it('A into B and B into A at once: one wins, no cycle, both ids resolve to the one left', async () => {
    for (let round = 0; round < 5; round++) {
      const pair = await createDuplicates(db.orm.em, `X${round}`, seats);
      const [a, b] = [pair.keptId, pair.mergedId];
      const [va, vb] = [await versionOf(db.orm.em, a), await versionOf(db.orm.em, b)];
      const results = await Promise.all([
        gql(api, MERGE, { input: { keptId: a, keptVersion: va, mergedId: b, mergedVersion: vb } }, moderators[0].as),
        gql(api, MERGE, { input: { keptId: b, keptVersion: vb, mergedId: a, mergedVersion: va } }, moderators[1].as),
      ]);
      expect(codesOf(results.map((r) => r.mergeOrganizations)).filter((c) => c === 'OK')).toHaveLength(1);
      expect(await activeMerges([a, b])).toBe(1);
      const data = await gql(api, `query($a: ID!, $b: ID!) { a: organization(id: $a) { id } b: organization(id: $b) { id } }`, { a, b });
      expect(data.a.id).toBe(data.b.id);
      expect([a, b]).toContain(data.a.id);
    }
  });

  it('two undos of one merge at once: exactly one wins', async () => {
    const pair = await createDuplicates(db.orm.em, 'U2', seats);
    const input = { keptId: pair.keptId, keptVersion: await versionOf(db.orm.em, pair.keptId), mergedId: pair.mergedId, mergedVersion: await versionOf(db.orm.em, pair.mergedId) };
    expect((await gql(api, MERGE, { input }, moderators[0].as)).mergeOrganizations.userErrors).toEqual([]);
    const results = await Promise.all(moderators.map((m) => gql(api, UNMERGE, { id: pair.mergedId }, m.as)));
    expect(codesOf(results.map((r) => r.unmergeOrganization)).sort()).toEqual(['NOT_FOUND', 'OK']);
    expect(Number((await db.orm.em.fork().execute('select count(*) as n from organization where id = ?', [pair.mergedId]))[0].n)).toBe(1);
  });
});
