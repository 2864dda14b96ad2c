import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
let moderator: TestAccount;

const QUEUE = `query($first: Int, $after: String, $kinds: [VerificationQueueItemKind!]) {
  verificationQueue(first: $first, after: $after, kinds: $kinds) { totalCount pageInfo { hasNextPage endCursor } edges { node { kind organization { id } } } } }`;

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
