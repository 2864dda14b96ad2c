import type { EntityManager } from '@mikro-orm/postgresql';
import { RevisionAction } from '../revisions/revision.entity';
import { PublicAuthority } from '../authorities/public-authority.entity';
import { recordRevision } from '../revisions/revision.service';
import { Validator } from '../core/validation';
import { findById } from '../core/ids';
import { fail, invalid, userError, UserErrorCode, UserErrorsException, type WriteResult, writeTransaction } from '../core/user-errors';
import type { Mailer } from '../mail/mailer';
import { UserRole } from '../users/user.enums';
import { type CookieWriter, SESSION_DAYS } from './auth';
import { normaliseEmail } from '../core/validation';
import { checkPassword, decoyPasswordHash, hashingSlot, hashPassword, newToken, tokenHash, verifyPassword, verifyPasswordInSlot } from './credentials';
import { findUserToken, issueUserToken, useUserToken } from './user-tokens';
import { PasswordResetToken } from './password-reset-token.entity';
import { authorize, requireSignedIn, type Actor } from '../access/policy';
import { SignInGuard } from './rate-limit';
import { Session } from './session.entity';
import { User } from '../users/user.entity';

export const RESET_TOKEN_TTL_MS = 60 * 60_000;

export interface AccountContext {
  em: EntityManager;
  mailer: Mailer;
  cookies: CookieWriter | null;
  userAgent: string | null;
  ip: string | null;
  /** Where links in mails point: the web app's address. */
  publicUrl: string;
}

/** Only the audited, public facts of a user: no email, no password hash. */
function userSnapshot(user: User) {
  return { displayName: user.displayName, role: user.role, active: user.active, authority: user.authority?.id ?? null };
}

export async function startSession(tx: EntityManager, user: User, ctx: AccountContext): Promise<string> {
  const { token, tokenHash: hash } = newToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  tx.persist(tx.create(Session, { user, tokenHash: hash, expiresAt, userAgent: ctx.userAgent }));
  // Expired sessions are useless; each sign-in sweeps its user's, so the table does not grow forever.
  await tx.nativeDelete(Session, { user: user.id, expiresAt: { $lt: new Date() } });
  ctx.cookies?.setSession(token, expiresAt);
  return token;
}

export interface SignedIn {
  user: User;
  token: string;
}

/** A new user; `emailConfirmedAt` null until the address is proved (accounts made by an administrator's command line come confirmed). */
export function createUser(
  tx: EntityManager,
  input: { email: string; displayName: string; passwordHash: string; role: UserRole; emailConfirmedAt: Date | null },
  authorId: string | null,
): User {
  const user = tx.create(User, { email: input.email, displayName: input.displayName, passwordHash: input.passwordHash, role: input.role, emailConfirmedAt: input.emailConfirmedAt });
  tx.persist(user);
  recordRevision(tx, {
    entityType: 'User',
    entityId: user.id,
    organizationId: null,
    authorId: authorId ?? user.id,
    action: RevisionAction.CREATE,
    before: null,
    after: userSnapshot(user),
  });
  return user;
}

export interface NewAccountInput {
  email: string;
  password: string;
  displayName: string;
}

/**
 * Validates a new account's fields; returns the normalised email and display name. `refuseTaken`
 * (the command line) also refuses an email that has an account; `register` never says so.
 */
export async function validateNewAccount(em: EntityManager, input: NewAccountInput, root: string[] = ['input'], refuseTaken = true): Promise<{ email: string; displayName: string }> {
  const v = new Validator(root);
  const email = normaliseEmail(input.email ?? '');
  if (!email) v.error('email', `"${String(input.email).slice(0, 80)}" is not a valid email address.`);
  const displayName = v.text('displayName', input.displayName, 100, { required: true });
  v.errors.push(...checkPassword(input.password ?? '', email, [...root, 'password']));
  if (refuseTaken && email && (await em.count(User, { email }))) v.error('email', 'An account with this email already exists: sign in, or reset your password.');
  if (!v.ok) throw new UserErrorsException(v.errors);
  return { email: email!, displayName: displayName! };
}

export const refused = (code: UserErrorCode, message: string, field?: string[]): WriteResult<never> => ({ value: null, userErrors: [userError(code, message, field)] });

/**
 * The attempt is counted first (atomically, in the counter store), then the password is checked with
 * no connection held and no transaction open; only a correct password opens the transaction that
 * starts the session. So a flood of wrong passwords costs CPU, never database connections.
 */
export async function signIn(ctx: AccountContext, emailInput: string, password: string): Promise<WriteResult<SignedIn>> {
  const guard = new SignInGuard(ctx.em);
  const email = normaliseEmail(emailInput ?? '') ?? (emailInput ?? '').trim().toLowerCase().slice(0, 254);
  const address = ctx.ip ?? 'unknown';
  if (await guard.attempt(email, address)) {
    return refused(UserErrorCode.RATE_LIMITED, 'Too many failed sign-ins: wait 15 minutes, or reset your password.');
  }
  const decoy = await decoyPasswordHash();
  // The user is read inside the hashing slot too: however many sign-ins queue, only as many as there
  // are slots touch the request pool at once. A decoy hash stands in for an unknown email, so the
  // answer takes as long either way.
  const { found, ok } = await hashingSlot(async () => {
    const user = await ctx.em.fork().findOne(User, { email });
    return { found: user, ok: await verifyPasswordInSlot(user?.passwordHash ?? decoy, password ?? '') };
  });
  if (!found || !ok || !found.active) return refused(UserErrorCode.INVALID_INPUT, 'The email or the password is wrong.', ['password']);
  await guard.succeeded(email, address);
  // Said only to whoever knows the password: the account exists but its address is not proved yet.
  if (!found.emailConfirmedAt) {
    return refused(UserErrorCode.EMAIL_NOT_CONFIRMED, 'Confirm your email address first: open the link we mailed you, or ask for a new one.', ['email']);
  }
  return writeTransaction(ctx.em, async (tx) => {
    // The password must still be the one just checked, and the user still active.
    const user = await tx.findOne(User, { id: found.id, passwordHash: found.passwordHash, active: true, emailConfirmedAt: { $ne: null } });
    if (!user) fail(UserErrorCode.INVALID_INPUT, 'The email or the password is wrong.', ['password']);
    return { user, token: await startSession(tx, user, ctx) };
  });
}

/** Ends the session the request presented (and clears the cookie); signing out twice is harmless. */
export async function signOut(ctx: AccountContext, sessionToken: string | null): Promise<void> {
  if (sessionToken) await ctx.em.nativeDelete(Session, { tokenHash: tokenHash(sessionToken) });
  ctx.cookies?.clearSession();
}

/** Answers the same whether or not the email has an account, so it cannot be used to find accounts. */
export async function requestPasswordReset(ctx: AccountContext, emailInput: string): Promise<void> {
  const email = normaliseEmail(emailInput ?? '');
  if (!email) return;
  await ctx.em.transactional(async (tx) => {
    const user = await tx.findOne(User, { email, active: true });
    if (!user) return;
    const token = issueUserToken(tx, PasswordResetToken, user, RESET_TOKEN_TTL_MS);
    await ctx.mailer.send(
      {
        to: user.email,
        kind: 'password-reset',
        subject: 'civimap: reset your password',
        body:
          `Someone (hopefully you) asked to reset the password of your civimap account.\n\n` +
          `Open this link within an hour to choose a new password:\n${ctx.publicUrl}/reset-password?token=${token}\n\n` +
          `Token: ${token}\n\nIf you did not ask for this, ignore this mail: your password stays as it is.\n`,
      },
      tx as EntityManager,
    );
  });
}

/**
 * A valid, unused, unexpired token sets the password once and signs the user out everywhere. The new
 * password is hashed before the transaction; in it, the token is used by a compare-and-set, so of two
 * concurrent uses exactly one wins.
 */
export async function resetPassword(ctx: AccountContext, token: string, newPassword: string): Promise<WriteResult<User>> {
  const invalidLink = (): never => fail(UserErrorCode.INVALID_INPUT, 'This reset link is invalid, already used or expired (links last an hour): ask for a new one.', ['token']);
  const checked = await writeTransaction(ctx.em, async (tx) => {
    const { row: reset, state } = await findUserToken(tx, PasswordResetToken, token);
    if (!reset || state !== 'live') return invalidLink();
    const problems = checkPassword(newPassword ?? '', reset.user.email, ['newPassword']);
    if (problems.length) throw new UserErrorsException(problems);
    return { id: reset.id, userId: reset.user.id, email: reset.user.email };
  });
  if (!checked.value) return { value: null, userErrors: checked.userErrors };
  const { id, userId, email } = checked.value;
  const passwordHash = await hashPassword(newPassword);
  const result = await writeTransaction(ctx.em, async (tx) => {
    if (!(await useUserToken(tx, PasswordResetToken, id))) invalidLink();
    await tx.nativeUpdate(User, { id: userId }, { passwordHash });
    // The reset link reached the address, which proves it: an account never confirmed is confirmed now
    // (and whoever registered it with another password is locked out).
    await tx.nativeUpdate(User, { id: userId, emailConfirmedAt: null }, { emailConfirmedAt: new Date() });
    await tx.nativeDelete(Session, { user: userId });
    return tx.findOneOrFail(User, { id: userId }, { refresh: true });
  });
  if (result.value) await new SignInGuard(ctx.em).cleared(email);
  return result;
}

/** The signed-in user changes their password (knowing the current one); their other sessions end. Hashing happens outside the transaction. */
export async function changePassword(ctx: AccountContext, actor: Actor | null, currentSessionToken: string | null, current: string, next: string): Promise<WriteResult<User>> {
  const checked = await writeTransaction(ctx.em, async (tx) => {
    const signedIn = requireSignedIn(actor);
    const user = await tx.findOneOrFail(User, { id: signedIn.user.id });
    return { id: user.id, email: user.email, passwordHash: user.passwordHash };
  });
  if (!checked.value) return { value: null, userErrors: checked.userErrors };
  const { id, email, passwordHash: oldHash } = checked.value;
  if (!(await verifyPassword(oldHash, current ?? ''))) return refused(UserErrorCode.INVALID_INPUT, 'The current password is wrong.', ['currentPassword']);
  const problems = checkPassword(next ?? '', email, ['newPassword']);
  if (problems.length) return { value: null, userErrors: problems };
  const passwordHash = await hashPassword(next);
  return writeTransaction(ctx.em, async (tx) => {
    // Compare-and-set on the old hash: a concurrent change (or reset) in between wins, this one is refused.
    if ((await tx.nativeUpdate(User, { id, passwordHash: oldHash }, { passwordHash })) !== 1) {
      fail(UserErrorCode.STALE_VERSION, 'Your password was changed at the same moment: sign in again with the new one.', ['currentPassword']);
    }
    const keep = currentSessionToken ? tokenHash(currentSessionToken) : null;
    await tx.nativeDelete(Session, keep ? { user: id, tokenHash: { $ne: keep } } : { user: id });
    return tx.findOneOrFail(User, { id }, { refresh: true });
  });
}

export interface RoleChange {
  role: UserRole;
  active?: boolean | null;
  /** For authority officers: the code of the authority they act for; null removes it. */
  authorityCode?: string | null;
}

export function setUserRole(em: EntityManager, actor: Actor | null, userId: string, change: RoleChange): Promise<WriteResult<User>> {
  return writeTransaction(em, async (tx) => {
    const admin = authorize(actor, 'user.setRole');
    const user = await findById(tx, User, userId);
    if (!user) fail(UserErrorCode.NOT_FOUND, `No user has the id "${String(userId).slice(0, 60)}".`, ['userId']);
    const { role, active } = change;
    if (user.id === admin.user.id && (role !== UserRole.ADMIN || active === false)) {
      throw new UserErrorsException([invalid('You cannot remove your own administrator role: ask another administrator.', ['role'])]);
    }
    const before = userSnapshot(user);
    if (change.authorityCode !== undefined) {
      const authority = change.authorityCode ? await tx.findOne(PublicAuthority, { code: change.authorityCode }) : null;
      if (change.authorityCode && !authority) fail(UserErrorCode.INVALID_INPUT, `Unknown authority code: ${change.authorityCode}.`, ['authority']);
      user.authority = authority;
    }
    user.role = role;
    if (active !== undefined && active !== null) user.active = active;
    if (user.active === false) await tx.nativeDelete(Session, { user: user.id });
    recordRevision(tx, { entityType: 'User', entityId: user.id, organizationId: null, authorId: admin.user.id, action: RevisionAction.UPDATE, before, after: userSnapshot(user) });
    return user;
  });
}
