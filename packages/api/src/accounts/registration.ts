import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../core/config';
import { fail, UserErrorCode, UserErrorsException, type WriteResult, writeTransaction } from '../core/user-errors';
import { normaliseEmail } from '../core/validation';
import { User } from '../users/user.entity';
import { UserRole } from '../users/user.enums';
import { type AccountContext, createUser, type NewAccountInput, type SignedIn, startSession, validateNewAccount } from './account.service';
import { hashPassword, tokenHash } from './credentials';
import { EmailConfirmationToken } from './email-confirmation-token.entity';
import { Invitation } from './invitation.entity';
import { findUserToken, issueUserToken, type TokenState, useUserToken } from './user-tokens';

/**
 * Registration in the usual shape (issue 11, finding 9): `register` answers the same whether or not
 * the email has an account, and what differs goes by mail to the address itself. A new address gets a
 * confirmation link; an address with an account gets a notice; the account signs in once confirmed.
 */

let confirmationHours: number | undefined;
/** How long a confirmation link works: EMAIL_CONFIRMATION_HOURS (default 24). */
export function confirmationTtlMs(): number {
  confirmationHours ??= loadConfig().emailConfirmationHours;
  return confirmationHours * 3_600_000;
}

export interface RegistrationInput extends NewAccountInput {
  /** The token of an invitation to this address: it proves the address, so the account needs no confirmation link. */
  invitationToken?: string | null;
}

const mail = (tx: EntityManager, ctx: AccountContext, to: string, kind: string, subject: string, body: string) => ctx.mailer.send({ to, kind, subject: `civimap: ${subject}`, body }, tx);

async function mailConfirmation(tx: EntityManager, ctx: AccountContext, user: User): Promise<void> {
  const token = issueUserToken(tx, EmailConfirmationToken, user, confirmationTtlMs());
  const hours = Math.round(confirmationTtlMs() / 3_600_000);
  const body =
    `Someone (hopefully you) registered a civimap account with this email address.\n\n` +
    `Open this link within ${hours} hours to confirm it and sign in:\n${ctx.publicUrl}/confirm-email?token=${token}\n\n` +
    `Token: ${token}\n\nIf it was not you, ignore this mail: the account stays unusable.\n`;
  await mail(tx, ctx, user.email, 'email-confirmation', 'confirm your email address', body);
}

/** To an address that already has an account: never a second account, and the page says nothing different. */
function mailAlreadyRegistered(tx: EntityManager, ctx: AccountContext, email: string): Promise<void> {
  const body =
    `Someone (maybe you) tried to register a civimap account with this email address, which already has one.\n\n` +
    `If it was you, sign in: ${ctx.publicUrl}/signin\nor, if you forgot your password, reset it: ${ctx.publicUrl}/forgot-password\n` +
    `(a reset also confirms an account whose address was never confirmed).\n\nIf it was not you, ignore this mail: nothing changed.\n`;
  return mail(tx, ctx, email, 'already-registered', 'someone tried to register with your address', body);
}

function mailAccountReady(tx: EntityManager, ctx: AccountContext, email: string): Promise<void> {
  const body = `Your civimap account is ready: the invitation mailed to this address confirmed it.\n\nSign in and accept the invitation: ${ctx.publicUrl}/signin\n`;
  return mail(tx, ctx, email, 'account-ready', 'your account is ready', body);
}

/** A live invitation to exactly this address (so its token proves the address), or null. */
async function invitationFor(tx: EntityManager, token: string | null | undefined, email: string): Promise<Invitation | null> {
  if (!token) return null;
  const invitation = await tx.findOne(Invitation, { tokenHash: tokenHash(token), email, acceptedAt: null, expiresAt: { $gt: new Date() } });
  return invitation ?? null;
}

/**
 * Creates an unconfirmed account (role EDITOR) and mails its confirmation link, or mails the address's
 * existing account a notice. The answer is the same either way: no session, no user, and only the
 * input's own problems (which do not depend on the address having an account). The password is
 * hashed in both cases, so the two take as long.
 */
export async function register(ctx: AccountContext, input: RegistrationInput): Promise<WriteResult<null>> {
  let account: { email: string; displayName: string };
  try {
    account = await validateNewAccount(ctx.em, input, ['input'], false);
  } catch (error) {
    if (error instanceof UserErrorsException) return { value: null, userErrors: error.errors };
    throw error;
  }
  const { email, displayName } = account;
  const passwordHash = await hashPassword(input.password);
  try {
    await ctx.em.fork().transactional(async (tx) => {
      if (await tx.count(User, { email })) return mailAlreadyRegistered(tx, ctx, email);
      const invited = await invitationFor(tx, input.invitationToken, email);
      const user = createUser(tx, { email, displayName, passwordHash, role: UserRole.EDITOR, emailConfirmedAt: invited ? new Date() : null }, null);
      // The unique email index decides a race between registrations of one address, here.
      await tx.flush();
      return invited ? mailAccountReady(tx, ctx, email) : mailConfirmation(tx, ctx, user);
    });
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    // A concurrent registration of the address committed first: this one is for an existing account.
    await ctx.em.fork().transactional((tx) => mailAlreadyRegistered(tx, ctx, email));
  }
  return { value: null, userErrors: [] };
}

const LINK_PROBLEMS: Record<Exclude<TokenState, 'live'>, string> = {
  unknown: 'This confirmation link is not valid: copy the whole link from the mail, or ask for a new one.',
  used: 'This confirmation link was already used: sign in.',
  expired: 'This confirmation link has expired: ask for a new one.',
};

/**
 * A live confirmation token confirms its account and signs it in, once: the token is used by a
 * compare-and-set, so of concurrent uses exactly one wins (the others are told it was used). Every
 * other confirmation link of the account stops working.
 */
export function confirmEmail(ctx: AccountContext, token: string): Promise<WriteResult<SignedIn>> {
  return writeTransaction(ctx.em, async (tx) => {
    const { row, state } = await findUserToken(tx, EmailConfirmationToken, token);
    if (!row || state !== 'live') return fail(UserErrorCode.INVALID_INPUT, LINK_PROBLEMS[state as Exclude<TokenState, 'live'>], ['input', 'token']);
    if (!(await useUserToken(tx, EmailConfirmationToken, row.id))) fail(UserErrorCode.INVALID_INPUT, LINK_PROBLEMS.used, ['input', 'token']);
    const userId = row.user.id;
    await tx.nativeUpdate(EmailConfirmationToken, { user: userId, usedAt: null }, { usedAt: new Date() });
    await tx.nativeUpdate(User, { id: userId, emailConfirmedAt: null }, { emailConfirmedAt: new Date() });
    const user = await tx.findOneOrFail(User, { id: userId }, { refresh: true });
    if (!user.active) fail(UserErrorCode.FORBIDDEN, 'This account is deactivated: ask an administrator.', ['input', 'token']);
    return { user, token: await startSession(tx, user, ctx) };
  });
}

/** Mails a new confirmation link if the address has an account still unconfirmed; answers the same either way. */
export async function resendConfirmation(ctx: AccountContext, emailInput: string): Promise<void> {
  const email = normaliseEmail(emailInput ?? '');
  if (!email) return;
  await ctx.em.fork().transactional(async (tx) => {
    const user = await tx.findOne(User, { email, active: true, emailConfirmedAt: null });
    if (user) await mailConfirmation(tx, ctx, user);
  });
}
