import type { GraphQLFormattedError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MembershipRole, UserRole } from '../../src/users/user.enums';
import { newToken } from '../../src/accounts/credentials';
import { Session } from '../../src/accounts/session.entity';
import { buildCivimapSchema } from '../../src/app/schema';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { createAccount, TEST_PASSWORD } from '../support/accounts';
import { type ActAs, createTestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { ACCOUNT_ROWS } from './authorization-matrix.accounts';
import { SURVEY_ROWS } from './authorization-matrix.surveys';
import { MERGE_ROWS } from './authorization-matrix.merges';
import { EDITING_ROWS } from './authorization-matrix.editing';
import { E, EVERYONE, ROLES, type Row, SIGNED_IN, STAFF, type World } from './authorization-matrix.world';

/** The matrix's officer acts for the Ministry of Justice, whose contracts the rows record. */
async function giveOfficerAnAuthority(w: World): Promise<void> {
  await w.db.orm.em.fork().execute(
    `update app_user set authority_id = (select id from public_authority where code = 'ministry-justice') where id = ?`,
    [w.accounts.officer.user.id],
  );
}

async function startSession(w: World, userId: string): Promise<string> {
  const em = w.db.orm.em.fork();
  const { token, tokenHash } = newToken();
  await em.persistAndFlush(em.create(Session, { user: userId, tokenHash, expiresAt: new Date(Date.now() + 86_400_000) }));
  return token;
}

/**
 * Every mutation of the schema against every role, from this one table. A mutation missing from
 * the table fails the test, so a new mutation cannot ship without its row. To add one (e.g. the
 * contracts and shortlists of issue 5), add a row: which roles may call it, and how to build a call
 * that is otherwise valid, so that a refusal can only be the authorization rule's.
 */
const TABLE: Record<string, Row> = {
  signOut: {
    allowed: EVERYONE,
    call: async (w, role) => ({
      query: `mutation { signOut { ok userErrors ${E} } }`,
      as: role === 'anonymous' ? undefined : { token: await startSession(w, w.accounts[role].user.id) },
    }),
  },
  changePassword: {
    allowed: SIGNED_IN,
    call: async (w, role) => {
      // A fresh account of the same role, so the matrix's own accounts keep their sessions.
      const account =
        role === 'anonymous'
          ? null
          : await createAccount(w.db.orm.em, {
              email: `changer-${w.unique()}@example.org`,
              role: w.accounts[role].user.role,
            });
      return {
        query: `mutation { changePassword(currentPassword: "${TEST_PASSWORD}", newPassword: "A changed passphrase 9") { ok userErrors ${E} } }`,
        as: account?.as,
      };
    },
  },
  setUserRole: {
    allowed: ['admin'],
    call: async (w) => {
      const target = await createAccount(w.db.orm.em, { email: `target-${w.unique()}@example.org` });
      return { query: `mutation($id: ID!) { setUserRole(userId: $id, role: MODERATOR) { user { id } userErrors ${E} } }`, variables: { id: target.user.id } };
    },
  },
  createOrganization: {
    allowed: SIGNED_IN,
    call: async (w) => ({
      query: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors ${E} } }`,
      variables: { input: { names: { sq: `Organizata ${w.unique()}` } } },
    }),
  },
  claimOrganization: {
    allowed: SIGNED_IN,
    call: async (w) => ({
      query: `mutation($id: ID!) { claimOrganization(organizationId: $id, message: "I am its director") { claim { id } userErrors ${E} } }`,
      variables: { id: w.orgC },
    }),
  },
  decideClaim: {
    allowed: STAFF,
    call: async (w) => {
      const claimant = await createAccount(w.db.orm.em, { email: `claimant-${w.unique()}@example.org` });
      const r = await w.api.query(`mutation($id: ID!) { claimOrganization(organizationId: $id, message: "mine") { claim { id } userErrors ${E} } }`, { id: w.orgC }, claimant.as);
      return { query: `mutation($id: ID!) { decideClaim(claimId: $id, approve: true) { claim { id } userErrors ${E} } }`, variables: { id: r.data.claimOrganization.claim.id } };
    },
  },
  inviteMember: {
    allowed: ['ownerOfA', 'admin'],
    call: async (w) => ({
      query: `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } userErrors ${E} } }`,
      variables: { input: { organizationId: w.orgA, email: `colleague-${w.unique()}@example.org`, role: 'EDITOR' } },
    }),
  },
  removeMember: {
    allowed: ['ownerOfA', 'admin'],
    call: async (w) => {
      const member = await createAccount(w.db.orm.em, { email: `leaving-${w.unique()}@example.org`, memberOf: [{ organizationId: w.orgA }] });
      return {
        query: `mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) { removedMembershipId userErrors ${E} } }`,
        variables: { o: w.orgA, u: member.user.id },
      };
    },
  },
  acceptInvitation: {
    allowed: SIGNED_IN,
    call: async (w, role) => {
      const email = role === 'anonymous' ? 'nobody@example.org' : w.accounts[role].user.email;
      await w.asAdmin(`mutation($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } userErrors ${E} } }`, {
        input: { organizationId: w.orgC, email, role: 'EDITOR' },
      });
      const [mail] = await w.db.orm.em.fork().find(OutboxMessage, { recipient: email, kind: 'invitation' }, { orderBy: { createdAt: 'desc' }, limit: 1 });
      const token = /Token: (\S+)/.exec(mail.body)![1];
      return { query: `mutation($t: String!) { acceptInvitation(token: $t) { membership { id } userErrors ${E} } }`, variables: { t: token } };
    },
  },
  ...EDITING_ROWS,
  // Issue 5: contracts (officers for their own authority, administrators) and shortlists (officers, administrators).
  recordContract: {
    allowed: ['officer', 'admin'],
    call: async (w) => {
      await giveOfficerAnAuthority(w);
      return {
        query: `mutation($input: RecordContractInput!) { recordContract(input: $input) { contract { id } userErrors ${E} } }`,
        variables: { input: { authority: 'ministry-justice', provider: w.orgA, categories: ['counselling'], modality: 'GRANT', amount: 1000 } },
      };
    },
  },
  updateContract: {
    allowed: ['officer', 'admin'],
    call: async (w) => {
      await giveOfficerAnAuthority(w);
      const r = await w.asAdmin(`mutation($input: RecordContractInput!) { recordContract(input: $input) { contract { id version } userErrors ${E} } }`, {
        input: { authority: 'ministry-justice', provider: w.orgA, categories: ['counselling'], modality: 'GRANT' },
      });
      const contract = r.recordContract.contract;
      return {
        query: `mutation($input: UpdateContractInput!) { updateContract(input: $input) { contract { id } userErrors ${E} } }`,
        variables: { input: { id: contract.id, version: contract.version, amount: 2500 } },
      };
    },
  },
  createShortlist: {
    allowed: ['officer', 'admin'],
    call: async (w) => ({
      query: `mutation($input: CreateShortlistInput!) { createShortlist(input: $input) { shortlist { id } userErrors ${E} } }`,
      variables: { input: { name: `Lista ${w.unique()}`, entries: [{ organization: w.orgA }] } },
    }),
  },
  updateShortlist: {
    allowed: ['officer', 'admin'],
    call: async (w) => {
      // The officer's own list: administrators may change any list, everyone else is refused before ownership matters.
      const created = await w.api.query(`mutation($input: CreateShortlistInput!) { createShortlist(input: $input) { shortlist { id version } userErrors ${E} } }`, { input: { name: `Lista ${w.unique()}` } }, w.accounts.officer.as);
      const list = created.data.createShortlist.shortlist;
      return {
        query: `mutation($input: UpdateShortlistInput!) { updateShortlist(input: $input) { shortlist { id } userErrors ${E} } }`,
        variables: { input: { id: list.id, version: list.version, name: 'Renamed', entries: [{ organization: w.orgB, note: 'thirrje' }] } },
      };
    },
  },
  ...(ACCOUNT_ROWS as unknown as Record<string, Row>),
  ...(SURVEY_ROWS as unknown as Record<string, Row>),
  ...(MERGE_ROWS as unknown as Record<string, Row>),
};

let db: TestDatabase;
let world: World;

beforeAll(async () => {
  db = await createTestDatabase();
  const api = await createTestApi(db);
  const [a, b, c] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Organizata A' }, { sq: 'Organizata B' }, { sq: 'Organizata C' }]);
  const em = db.orm.em;
  const accounts = {
    ownerOfA: await createAccount(em, { email: 'owner-a@example.org', memberOf: [{ organizationId: a.id, role: MembershipRole.OWNER }] }),
    editorOfA: await createAccount(em, { email: 'editor-a@example.org', memberOf: [{ organizationId: a.id, role: MembershipRole.EDITOR }] }),
    editorOfB: await createAccount(em, { email: 'owner-b@example.org', memberOf: [{ organizationId: b.id, role: MembershipRole.OWNER }] }),
    officer: await createAccount(em, { email: 'officer@example.org', role: UserRole.AUTHORITY_OFFICER }),
    moderator: await createAccount(em, { email: 'moderator@example.org', role: UserRole.MODERATOR }),
    admin: await createAccount(em, { email: 'admin@example.org', role: UserRole.ADMIN }),
  };
  await createAccount(em, { email: 'login@example.org' });
  let counter = 0;
  world = {
    api,
    db,
    accounts,
    orgA: a.id,
    orgB: b.id,
    orgC: c.id,
    unique: () => `${Date.now().toString(36)}${(counter++).toString(36)}`,
    version: async (table, id) => (await db.orm.em.fork().execute(`select version from ${table} where id = ?`, [id]))[0].version,
    asAdmin: async (query, variables) => {
      const r = await api.query(query, variables, accounts.admin.as);
      expect(r.errors).toBeUndefined();
      const payload = Object.values(r.data as object)[0] as { userErrors: unknown[] };
      expect(payload.userErrors).toEqual([]);
      return r.data;
    },
  };
});
afterAll(async () => db?.close());

type Outcome = 'allowed' | 'denied';

function outcomeOf(mutation: string, result: { data?: any; errors?: readonly GraphQLFormattedError[] }): Outcome {
  const denial = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);
  if (result.errors?.length) {
    if (result.errors.every((e) => denial.has(String(e.extensions?.code)))) return 'denied';
    throw new Error(`${mutation}: unexpected errors ${JSON.stringify(result.errors)}`);
  }
  const userErrors: { code: string }[] = result.data[mutation].userErrors;
  if (!userErrors.length) return 'allowed';
  if (userErrors.every((e) => denial.has(e.code))) return 'denied';
  throw new Error(`${mutation}: unexpected userErrors ${JSON.stringify(userErrors)}`);
}

describe('authorization matrix', () => {
  it('has a row for every mutation of the schema, and no row for a mutation that does not exist', async () => {
    const mutations = Object.keys((await buildCivimapSchema()).getMutationType()!.getFields()).sort();
    expect(Object.keys(TABLE).sort()).toEqual(mutations);
  });

  const cases = Object.entries(TABLE).flatMap(([mutation, row]) => ROLES.map((role) => ({ mutation, role, row })));
  it.each(cases)('$mutation as $role', async ({ mutation, role, row }) => {
    const call = await row.call(world, role);
    const as: ActAs | undefined = role === 'anonymous' ? undefined : (call.as ?? world.accounts[role].as);
    const result = await world.api.query(call.query, call.variables, as);
    expect(outcomeOf(mutation, result)).toBe(row.allowed.includes(role) ? 'allowed' : 'denied');
  });
});
