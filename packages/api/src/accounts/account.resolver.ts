import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { CountedConnectionType, EdgeType, entityPage, type EntityOrder } from '../core/connection';
import { PageArgs } from '../core/pagination';
import { claimView } from './membership.resolver';
import { ClaimView } from './account.types';
import { OrganizationClaim } from './organization-claim.entity';
import { User } from '../users/user.entity';
import { PublicAuthority } from '../authorities/public-authority.entity';
import { can, requireAllowed } from '../access/policy';
import { Organization } from '../organizations/organization.entity';
import { UserRole } from '../users/user.enums';
import { type AccountContext, changePassword, requestPasswordReset, resetPassword, setUserRole, signIn, signOut } from './account.service';
import { confirmEmail, register, resendConfirmation } from './registration';
import { AuthPayload, MembershipView, OkPayload, UserPayload } from './account.types';
import { UserView, userView } from '../users/user.types';
import { Membership } from '../access/membership.entity';
import type { SessionContext } from './session-context';
import { InputArg } from '../core/input-arg';
import type { WriteResult } from '../core/user-errors';

@InputType({ description: 'A new account.' })
export class RegisterInput {
  @Field(() => String, { description: 'E-mail address; it signs in and receives mails.' }) email!: string;
  @Field(() => String, { description: 'At least 12 characters, not all of one kind, not your email.' }) password!: string;
  @Field(() => String, { description: 'Name shown to others (1 to 100 characters).' }) displayName!: string;
  @Field(() => String, { nullable: true, description: 'The token of an invitation mailed to this address, when registering from it: it proves the address, so no confirmation link is needed.' })
  invitationToken?: string | null;
}

@InputType({ description: 'The token from a confirmation mail.' })
export class ConfirmEmailInput {
  @Field(() => String, { description: 'The token from the confirmation link (single use, valid EMAIL_CONFIRMATION_HOURS, default 24 h).' }) token!: string;
}

@InputType({ description: 'E-mail address and password.' })
export class SignInInput {
  @Field(() => String, { description: 'The account\'s e-mail address.' }) email!: string;
  @Field(() => String, { description: 'The account\'s password.' }) password!: string;
}

function accountContext(ctx: SessionContext): AccountContext {
  const { credentials } = ctx;
  return { em: ctx.em, mailer: ctx.mailer, cookies: credentials.cookies, userAgent: credentials.userAgent, ip: credentials.ip, publicUrl: ctx.publicUrl };
}

@ObjectType({ description: 'One user of a page, with its cursor.' })
export class UserEdge extends EdgeType(() => UserView) {}

@ObjectType({ description: 'A page of users (Relay cursor connection).' })
export class UserConnection extends CountedConnectionType(UserEdge) {}

/** A user's email, memberships and claims are for themselves and administrators. */
async function mayReadPrivate(ctx: SessionContext, user: UserView): Promise<boolean> {
  if (user.self) return true;
  const actor = await ctx.actor();
  return Boolean(actor && (actor.user.id === user.id || actor.role === UserRole.ADMIN));
}

const BY_EMAIL: EntityOrder<User> = { name: 'email', property: 'email', direction: 'asc', cursorValue: (u) => u.email };

/** The payload of a sign-in (signIn, confirmEmail): the user, seen as themselves, and the session token, or userErrors. */
const signedIn = (result: WriteResult<{ user: User; token: string }>) =>
  Object.assign(new AuthPayload(), { user: result.value && userView(result.value.user, true), token: result.value?.token ?? null, userErrors: result.userErrors });

const ok = (userErrors = [] as OkPayload['userErrors']) => Object.assign(new OkPayload(), { ok: userErrors.length === 0, userErrors });

@Resolver(() => UserView)
export class AccountResolver {
  @Query(() => UserView, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@Ctx() ctx: SessionContext): Promise<UserView | null> {
    const actor = await ctx.actor();
    return actor ? userView(actor.user) : null;
  }

  @Query(() => UserConnection, { description: 'Administrators: the users, by email, optionally those whose email or name contains `search`.' })
  async users(
    @Ctx() ctx: SessionContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('search', () => String, { description: 'Part of a display name or e-mail address (case-insensitive).', nullable: true }) search?: string,
  ): Promise<UserConnection> {
    requireAllowed(await ctx.actor(), 'user.setRole');
    const where: Record<string, unknown> = {};
    const text = search?.trim().slice(0, 100);
    if (text) where.$or = [{ email: { $ilike: `%${text.replace(/[%_\\]/g, '\\$&')}%` } }, { displayName: { $ilike: `%${text.replace(/[%_\\]/g, '\\$&')}%` } }];
    return entityPage(ctx.em, User, where, page, BY_EMAIL, (u) => userView(u));
  }

  @Mutation(() => AuthPayload, {
    description:
      'Creates an unconfirmed account (role EDITOR) and mails a confirmation link; when the email already has an account, mails it a notice instead. The answer is the same either way: never a session or a user, userErrors only for the input itself.',
  })
  async register(@InputArg(() => RegisterInput) input: RegisterInput, @Ctx() ctx: SessionContext): Promise<AuthPayload> {
    const result = await register(accountContext(ctx), input);
    return Object.assign(new AuthPayload(), { user: null, token: null, userErrors: result.userErrors });
  }

  @Mutation(() => AuthPayload, { description: 'Confirms an account\'s email with the token from its confirmation mail (once) and signs it in.' })
  async confirmEmail(@Arg('input', () => ConfirmEmailInput, { description: 'The token from the mail.' }) input: ConfirmEmailInput, @Ctx() ctx: SessionContext): Promise<AuthPayload> {
    const result = await confirmEmail(accountContext(ctx), input.token);
    return signedIn(result);
  }

  @Mutation(() => OkPayload, { description: 'Mails a new confirmation link if the email has an account not yet confirmed; answers the same either way.' })
  async resendConfirmation(@Arg('email', () => String, { description: 'The account\'s e-mail address; the answer is the same whether it exists or not.' }) email: string, @Ctx() ctx: SessionContext): Promise<OkPayload> {
    await resendConfirmation(accountContext(ctx), email);
    return ok();
  }

  @Mutation(() => AuthPayload, { description: 'Signs in with e-mail and password; sets the session cookie. Repeated failures are rate-limited (RATE_LIMITED).' })
  async signIn(@InputArg(() => SignInInput) input: SignInInput, @Ctx() ctx: SessionContext): Promise<AuthPayload> {
    const result = await signIn(accountContext(ctx), input.email, input.password);
    return signedIn(result);
  }

  @Mutation(() => OkPayload, { description: 'Ends the current session (cookie or bearer token).' })
  async signOut(@Ctx() ctx: SessionContext): Promise<OkPayload> {
    await signOut(accountContext(ctx), ctx.credentials.token);
    return ok();
  }

  @Mutation(() => OkPayload, { description: 'Mails a reset link valid for an hour if the email has an account; answers the same either way.' })
  async requestPasswordReset(@Arg('email', () => String, { description: 'The account\'s e-mail address; the answer is the same whether it exists or not.' }) email: string, @Ctx() ctx: SessionContext): Promise<OkPayload> {
    await requestPasswordReset(accountContext(ctx), email);
    return ok();
  }

  @Mutation(() => OkPayload, { description: 'Sets a new password with a reset token (once); signs out every session of the account.' })
  async resetPassword(@Arg('token', () => String, { description: 'The token from the reset mail (valid one hour, single use).' }) token: string, @Arg('newPassword', () => String, { description: 'The new password: 12 to 200 characters.' }) newPassword: string, @Ctx() ctx: SessionContext): Promise<OkPayload> {
    return ok((await resetPassword(accountContext(ctx), token, newPassword)).userErrors);
  }

  @Mutation(() => OkPayload, { description: 'Changes the signed-in user\'s password, given the current one; signs out their other sessions.' })
  async changePassword(
    @Arg('currentPassword', () => String, { description: 'The current password.' }) currentPassword: string,
    @Arg('newPassword', () => String, { description: 'The new password: 12 to 200 characters.' }) newPassword: string,
    @Ctx() ctx: SessionContext,
  ): Promise<OkPayload> {
    return ok((await changePassword(accountContext(ctx), await ctx.actor(), ctx.credentials.token, currentPassword, newPassword)).userErrors);
  }

  @Mutation(() => UserPayload, { description: 'Administrators: change a user\'s role, or deactivate the account.' })
  async setUserRole(
    @Arg('userId', () => ID, { description: 'The user\'s id.' }) userId: string,
    @Arg('role', () => UserRole, { description: 'The new role.' }) role: UserRole,
    @Ctx() ctx: SessionContext,
    @Arg('active', () => Boolean, { description: 'false deactivates the account (its sessions end); true reactivates it; unset leaves it.', nullable: true }) active?: boolean,
    @Arg('authority', () => ID, { nullable: true, description: 'For authority officers: the code of their authority; null removes it.' }) authority?: string | null,
  ): Promise<UserPayload> {
    const result = await setUserRole(ctx.em, await ctx.actor(), userId, { role, active, authorityCode: authority });
    return UserPayload.ofView(result, (user) => userView(user));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only for the user themselves and administrators.' })
  async email(@Root() user: UserView, @Ctx() ctx: SessionContext): Promise<string | null> {
    return (await mayReadPrivate(ctx, user)) ? user.entity.email : null;
  }

  @FieldResolver(() => PublicAuthority, { nullable: true, description: 'For authority officers: the authority they act for.' })
  async authority(@Root() user: UserView, @Ctx() ctx: SessionContext): Promise<PublicAuthority | null> {
    const id = user.entity.authority?.id;
    return id ? ((await ctx.catalog()).authoritiesById.get(id) ?? null) : null;
  }

  @FieldResolver(() => [ClaimView], { description: 'The user\'s claims, newest first. Only for the user themselves and administrators.' })
  async claims(@Root() user: UserView, @Ctx() ctx: SessionContext): Promise<ClaimView[]> {
    if (!(await mayReadPrivate(ctx, user))) return [];
    const claims = await ctx.em.find(OrganizationClaim, { claimant: user.id }, { orderBy: { createdAt: 'desc' }, limit: 100 });
    return Promise.all(claims.map((c) => claimView(ctx, c)));
  }

  @FieldResolver(() => [MembershipView], { description: 'Only for the user themselves and administrators.' })
  async memberships(@Root() user: UserView, @Ctx() ctx: SessionContext): Promise<MembershipView[]> {
    if (!(await mayReadPrivate(ctx, user))) return [];
    const memberships = await ctx.em.find(Membership, { user: user.id }, { populate: ['organization'], orderBy: { createdAt: 'asc' } });
    return memberships.map((m) => Object.assign(new MembershipView(), { id: m.id, role: m.role, organization: m.organization as Organization, user }));
  }
}

