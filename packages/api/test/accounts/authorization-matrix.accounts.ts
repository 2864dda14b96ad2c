import { EmailConfirmationToken } from '../../src/accounts/email-confirmation-token.entity';
import { PasswordResetToken } from '../../src/accounts/password-reset-token.entity';
import { issueUserToken } from '../../src/accounts/user-tokens';
import { User } from '../../src/users/user.entity';
import { createAccount, TEST_PASSWORD } from '../support/accounts';
import type { TestDatabase } from '../support/test-database';

/**
 * The account mutations' rows of the authorization matrix (authorization-matrix.test.ts spreads them
 * into its table): everyone may register, confirm an address, sign in and reset a password.
 */
type Role = 'anonymous' | 'ownerOfA' | 'editorOfA' | 'editorOfB' | 'officer' | 'moderator' | 'admin';

interface AccountWorld {
  db: TestDatabase;
  unique: () => string;
}

const E = '{ field message code }';
const EVERYONE = ['anonymous', 'ownerOfA', 'editorOfA', 'editorOfB', 'officer', 'moderator', 'admin'] as const satisfies readonly Role[];

/** A user's live token of `kind`, made directly (the mail is not what the matrix tests). */
async function tokenFor(w: AccountWorld, kind: typeof PasswordResetToken | typeof EmailConfirmationToken, confirmed: boolean): Promise<string> {
  const em = w.db.orm.em.fork();
  const user = confirmed
    ? (await createAccount(em, { email: `token-${w.unique()}@example.org` })).user
    : em.create(User, { email: `new-${w.unique()}@example.org`, displayName: 'New', passwordHash: 'x', emailConfirmedAt: null });
  const token = issueUserToken(em, kind, em.getReference(User, user.id), 3_600_000);
  await em.flush();
  return token;
}

export const ACCOUNT_ROWS = {
  register: {
    allowed: EVERYONE,
    call: async (w: AccountWorld) => ({
      query: `mutation($input: RegisterInput!) { register(input: $input) { user { id } userErrors ${E} } }`,
      variables: { input: { email: `new-${w.unique()}@example.org`, password: TEST_PASSWORD, displayName: 'New' } },
    }),
  },
  confirmEmail: {
    allowed: EVERYONE,
    call: async (w: AccountWorld) => ({
      query: `mutation($t: String!) { confirmEmail(input: { token: $t }) { user { id } userErrors ${E} } }`,
      variables: { t: await tokenFor(w, EmailConfirmationToken, false) },
    }),
  },
  resendConfirmation: {
    allowed: EVERYONE,
    call: async () => ({ query: `mutation { resendConfirmation(email: "login@example.org") { ok userErrors ${E} } }` }),
  },
  signIn: {
    allowed: EVERYONE,
    call: async () => ({
      query: `mutation($input: SignInInput!) { signIn(input: $input) { user { id } userErrors ${E} } }`,
      variables: { input: { email: 'login@example.org', password: TEST_PASSWORD } },
    }),
  },
  requestPasswordReset: {
    allowed: EVERYONE,
    call: async () => ({ query: `mutation { requestPasswordReset(email: "login@example.org") { ok userErrors ${E} } }` }),
  },
  resetPassword: {
    allowed: EVERYONE,
    call: async (w: AccountWorld) => ({
      query: `mutation($t: String!) { resetPassword(token: $t, newPassword: "Another good pass 77") { ok userErrors ${E} } }`,
      variables: { t: await tokenFor(w, PasswordResetToken, true) },
    }),
  },
};
