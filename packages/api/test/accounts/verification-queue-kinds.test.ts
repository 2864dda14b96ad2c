import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
let moderator: TestAccount;

const QUEUE = `query($first: Int, $after: String, $kinds: [VerificationQueueItemKind!], $search: String, $order: VerificationQueueOrder) {
  verificationQueue(first: $first, after: $after, kinds: $kinds, search: $search, order: $order) {
    totalCount countsByKind { kind count } pageInfo { hasNextPage endCursor } edges { node { kind since organization { id name } } } } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  moderator = await createAccount(db.orm.em, { email: 'moderator@example.org', role: UserRole.MODERATOR });
  // Many unverified organizations, then three claims: the claims come last in the oldest-first queue.
  const unverified = await createOrganizations(db.orm.em.fork(), Array.from({ length: 12 }, (_, i) => ({ sq: `E paverifikuar ${i}`, verified: false })));
  for (const [i, org] of unverified.slice(0, 3).entries()) {
    const claimant = await createAccount(db.orm.em, { email: `claimant${i}@example.org` });
    const r = await api.query(`mutation($id: ID!) { claimOrganization(organizationId: $id, message: "Jam drejtoresha") { userErrors { code } } }`, { id: org.id }, claimant.as);
    expect(r.data.claimOrganization.userErrors).toEqual([]);
  }
});
afterAll(() => db?.close());

describe('verificationQueue(kinds:)', () => {
  it('gives only the kinds asked for, counted and paged on their own', async () => {
    const all = await api.query(QUEUE, { first: 100 }, moderator.as);
    expect(all.data.verificationQueue.totalCount).toBe(15);
    const claims = await api.query(QUEUE, { first: 2, kinds: ['PENDING_CLAIM'] }, moderator.as);
    expect(claims.errors).toBeUndefined();
    expect(claims.data.verificationQueue.totalCount).toBe(3);
    expect(claims.data.verificationQueue.edges.map((e: any) => e.node.kind)).toEqual(['PENDING_CLAIM', 'PENDING_CLAIM']);
    const rest = await api.query(QUEUE, { first: 2, kinds: ['PENDING_CLAIM'], after: claims.data.verificationQueue.pageInfo.endCursor }, moderator.as);
    expect(rest.data.verificationQueue.edges).toHaveLength(1);
    expect(rest.data.verificationQueue.pageInfo.hasNextPage).toBe(false);
    const both = await api.query(QUEUE, { first: 100, kinds: ['PENDING_CLAIM', 'NEW_ORGANIZATION'] }, moderator.as);
    expect(both.data.verificationQueue.totalCount).toBe(15);
    const none = await api.query(QUEUE, { first: 100, kinds: ['CHANGED_LICENCE'] }, moderator.as);
    expect(none.data.verificationQueue).toMatchObject({ totalCount: 0, edges: [] });
  });
});

describe('verificationQueue(search:, order:) and countsByKind', () => {
  it('counts every kind for the search, whatever kinds are shown', async () => {
    const claims = await api.query(QUEUE, { first: 1, kinds: ['PENDING_CLAIM'] }, moderator.as);
    expect(claims.data.verificationQueue.countsByKind).toEqual([
      { kind: 'NEW_ORGANIZATION', count: 12 },
      { kind: 'CHANGED_ORGANIZATION', count: 0 },
      { kind: 'PENDING_CLAIM', count: 3 },
      { kind: 'CHANGED_LICENCE', count: 0 },
    ]);
    const searched = await api.query(QUEUE, { first: 100, search: 'paverifikuar 1' }, moderator.as);
    // "E paverifikuar 1", "… 10", "… 11"; the claim on organization 1 too.
    expect(searched.data.verificationQueue.totalCount).toBe(4);
    expect(searched.data.verificationQueue.countsByKind.find((c: any) => c.kind === 'PENDING_CLAIM').count).toBe(1);
    expect(new Set(searched.data.verificationQueue.edges.map((e: any) => e.node.organization.name))).toEqual(new Set(['E paverifikuar 1', 'E paverifikuar 10', 'E paverifikuar 11']));
  });

  it('folds diacritics and case in the search, and refuses control characters', async () => {
    const folded = await api.query(QUEUE, { first: 100, search: 'E PAVERIFIKUAR 11' }, moderator.as);
    expect(folded.data.verificationQueue.totalCount).toBe(1);
    const none = await api.query(QUEUE, { first: 100, search: 'nuk ekziston' }, moderator.as);
    expect(none.data.verificationQueue).toMatchObject({ totalCount: 0, edges: [] });
    const bad = await api.query(QUEUE, { first: 100, search: 'a\u0000b' }, moderator.as);
    expect(bad.errors?.[0].message).toMatch(/"search" contains control characters/);
  });

  it('newest first puts the last claim on the first page, and pages back in time', async () => {
    const newest = await api.query(QUEUE, { first: 1, order: 'NEWEST_FIRST' }, moderator.as);
    expect(newest.data.verificationQueue.edges[0].node.kind).toBe('PENDING_CLAIM');
    const walked: any[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: any = await api.query(QUEUE, { first: 4, after, order: 'NEWEST_FIRST' }, moderator.as);
      walked.push(...page.data.verificationQueue.edges.map((e: any) => e.node));
      if (!page.data.verificationQueue.pageInfo.hasNextPage) break;
      after = page.data.verificationQueue.pageInfo.endCursor;
    }
    const oldest = await api.query(QUEUE, { first: 100 }, moderator.as);
    expect(walked.map((n) => n.since)).toEqual(oldest.data.verificationQueue.edges.map((e: any) => e.node.since).reverse());
    // A cursor of one order is refused by the other.
    const mixed = await api.query(QUEUE, { first: 4, after: newest.data.verificationQueue.pageInfo.endCursor }, moderator.as);
    expect(mixed.errors?.[0].message).toMatch(/cursor for the order newest/);
  });
});
