import type { EntityManager } from '@mikro-orm/postgresql';
import { RevisionAction } from '../revisions/revision.entity';
import { PublicAuthority } from '../authorities/public-authority.entity';
import { recordRevision } from '../revisions/revision.service';
import { Validator } from '../core/validation';
import { isUuid } from '../core/ids';
import { fail, invalid, UserErrorCode, UserErrorsException, type WriteResult, writeTransaction } from '../core/user-errors';
import type { Mailer } from '../mail/mailer';
import { UserRole } from '../users/user.enums';
import { type CookieWriter, SESSION_DAYS } from './auth';
import { normaliseEmail } from '../core/validation';
import { checkPassword, decoyPasswordHash, hashPassword, newToken, tokenHash, verifyPassword } from './credentials';
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

async function startSession(tx: EntityManager, user: User, ctx: AccountContext): Promise<string> {
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

export function createUser(tx: EntityManager, input: { email: string; displayName: string; passwordHash: string; role: UserRole }, authorId: string | null): User {
  const user = tx.create(User, { email: input.email, displayName: input.displayName, passwordHash: input.passwordHash, role: input.role });
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

/** Validates a new account's fields; returns the normalised email and display name. */
export async function validateNewAccount(em: EntityManager, input: NewAccountInput, root: string[] = ['input']): Promise<{ email: string; displayName: string }> {
  const v = new Validator(root);
  const email = normaliseEmail(input.email ?? '');
  if (!email) v.error('email', `"${String(input.email).slice(0, 80)}" is not a valid email address.`);
  const displayName = v.text('displayName', input.displayName, 100, { required: true });
  v.errors.push(...checkPassword(input.password ?? '', email, [...root, 'password']));
  if (email && (await em.count(User, { email }))) v.error('email', 'An account with this email already exists: sign in, or reset your password.');
  if (!v.ok) throw new UserErrorsException(v.errors);
  return { email: email!, displayName: displayName! };
}

export function register(ctx: AccountContext, input: NewAccountInput): Promise<WriteResult<SignedIn>> {
  return writeTransaction(ctx.em, async (tx) => {
    const { email, displayName } = await validateNewAccount(tx, input);
    const user = createUser(tx, { email, displayName, passwordHash: await hashPassword(input.password), role: UserRole.EDITOR }, null);
    return { user, token: await startSession(tx, user, ctx) };
  });
}

export function signIn(ctx: AccountContext, emailInput: string, password: string): Promise<WriteResult<SignedIn>> {
  const guard = new SignInGuard(ctx.em);
  const email = normaliseEmail(emailInput ?? '') ?? (emailInput ?? '').trim().toLowerCase().slice(0, 254);
  const address = ctx.ip ?? 'unknown';
  return writeTransaction(ctx.em, async (tx) => {
    if (await guard.blocked(email, address)) {
      fail(UserErrorCode.RATE_LIMITED, 'Too many failed sign-ins: wait 15 minutes, or reset your password.');
    }
    const user = await tx.findOne(User, { email });
    // Verify against a decoy when there is no such user, so the answer takes as long either way.
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password ?? '');
    if (!user || !ok || !user.active) {
      await guard.failed(email, address);
      fail(UserErrorCode.INVALID_INPUT, 'The email or the password is wrong.', ['password']);
    }
    await guard.cleared(email);
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
    const { token, tokenHash: hash } = newToken();
    tx.persist(tx.create(PasswordResetToken, { user, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS) }));
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

/** A valid, unused, unexpired token sets the password once and signs the user out everywhere. */
export function resetPassword(ctx: AccountContext, token: string, newPassword: string): Promise<WriteResult<User>> {
  return writeTransaction(ctx.em, async (tx) => {
    const reset = token ? await tx.findOne(PasswordResetToken, { tokenHash: tokenHash(token) }, { populate: ['user'] }) : null;
    if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) {
      fail(UserErrorCode.INVALID_INPUT, 'This reset link is invalid, already used or expired (links last an hour): ask for a new one.', ['token']);
    }
    const problems = checkPassword(newPassword ?? '', reset.user.email, ['newPassword']);
    if (problems.length) throw new UserErrorsException(problems);
    reset.usedAt = new Date();
    reset.user.passwordHash = await hashPassword(newPassword);
    await tx.nativeDelete(Session, { user: reset.user.id });
    await new SignInGuard(ctx.em).cleared(reset.user.email);
    return reset.user;
  });
}

/** The signed-in user changes their password (knowing the current one); their other sessions end. */
export function changePassword(ctx: AccountContext, actor: Actor | null, currentSessionToken: string | null, current: string, next: string): Promise<WriteResult<User>> {
  return writeTransaction(ctx.em, async (tx) => {
    const signedIn = requireSignedIn(actor);
    const user = await tx.findOneOrFail(User, { id: signedIn.user.id });
    if (!(await verifyPassword(user.passwordHash, current ?? ''))) fail(UserErrorCode.INVALID_INPUT, 'The current password is wrong.', ['currentPassword']);
    const problems = checkPassword(next ?? '', user.email, ['newPassword']);
    if (problems.length) throw new UserErrorsException(problems);
    user.passwordHash = await hashPassword(next);
    const keep = currentSessionToken ? tokenHash(currentSessionToken) : null;
    await tx.nativeDelete(Session, keep ? { user: user.id, tokenHash: { $ne: keep } } : { user: user.id });
    return user;
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
    const user = isUuid(userId) ? await tx.findOne(User, { id: userId.toLowerCase() }) : null;
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
