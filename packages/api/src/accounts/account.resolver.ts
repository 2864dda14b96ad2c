import { Arg, Ctx, FieldResolver, ID, InputType, Field, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { Organization } from '../organizations/organization.entity';
import { UserRole } from './account.enums';
import { type AccountContext, publicUrl, register, requestPasswordReset, resetPassword, setUserRole, signIn, signOut } from './account.service';
import { AuthPayload, MembershipView, OkPayload, UserPayload, UserView, userView } from './account.types';
import { Membership } from './membership.entity';

@InputType()
export class RegisterInput {
  @Field(() => String) email!: string;
  @Field(() => String, { description: 'At least 12 characters, not all of one kind, not your email.' }) password!: string;
  @Field(() => String) displayName!: string;
}

@InputType()
export class SignInInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

function accountContext(ctx: GraphQLContext): AccountContext {
  const { credentials } = ctx;
  return { em: ctx.em, mailer: ctx.mailer, cookies: credentials.cookies, userAgent: credentials.userAgent, ip: credentials.ip, publicUrl: publicUrl() };
}

const ok = (userErrors = [] as OkPayload['userErrors']) => Object.assign(new OkPayload(), { ok: userErrors.length === 0, userErrors });

@Resolver(() => UserView)
export class AccountResolver {
  @Query(() => UserView, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<UserView | null> {
    const actor = await ctx.actor();
    return actor ? userView(actor.user) : null;
  }

  @Mutation(() => AuthPayload, { description: 'Creates an account (role EDITOR) and signs it in.' })
  async register(@Arg('input', () => RegisterInput) input: RegisterInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    const result = await register(accountContext(ctx), input);
    return Object.assign(new AuthPayload(), { user: result.value && userView(result.value.user), token: result.value?.token ?? null, userErrors: result.userErrors });
  }

  @Mutation(() => AuthPayload)
  async signIn(@Arg('input', () => SignInInput) input: SignInInput, @Ctx() ctx: GraphQLContext): Promise<AuthPayload> {
    const result = await signIn(accountContext(ctx), input.email, input.password);
    return Object.assign(new AuthPayload(), { user: result.value && userView(result.value.user), token: result.value?.token ?? null, userErrors: result.userErrors });
  }

  @Mutation(() => OkPayload, { description: 'Ends the current session (cookie or bearer token).' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<OkPayload> {
    await signOut(accountContext(ctx), ctx.credentials.token);
    return ok();
  }

  @Mutation(() => OkPayload, { description: 'Mails a reset link valid for an hour if the email has an account; answers the same either way.' })
  async requestPasswordReset(@Arg('email', () => String) email: string, @Ctx() ctx: GraphQLContext): Promise<OkPayload> {
    await requestPasswordReset(accountContext(ctx), email);
    return ok();
  }

  @Mutation(() => OkPayload, { description: 'Sets a new password with a reset token (once); signs out every session of the account.' })
  async resetPassword(@Arg('token', () => String) token: string, @Arg('newPassword', () => String) newPassword: string, @Ctx() ctx: GraphQLContext): Promise<OkPayload> {
    return ok((await resetPassword(accountContext(ctx), token, newPassword)).userErrors);
  }

  @Mutation(() => UserPayload, { description: 'Administrators: change a user\'s role, or deactivate the account.' })
  async setUserRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => UserRole) role: UserRole,
    @Ctx() ctx: GraphQLContext,
    @Arg('active', () => Boolean, { nullable: true }) active?: boolean,
  ): Promise<UserPayload> {
    const result = await setUserRole(ctx.em, await ctx.actor(), userId, role, active);
    return Object.assign(new UserPayload(), { user: result.value && userView(result.value), userErrors: result.userErrors });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only for the user themselves and administrators.' })
  async email(@Root() user: UserView, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    const actor = await ctx.actor();
    return actor && (actor.user.id === user.id || actor.role === UserRole.ADMIN) ? user.entity.email : null;
  }

  @FieldResolver(() => [MembershipView], { description: 'Only for the user themselves and administrators.' })
  async memberships(@Root() user: UserView, @Ctx() ctx: GraphQLContext): Promise<MembershipView[]> {
    const actor = await ctx.actor();
    if (!actor || (actor.user.id !== user.id && actor.role !== UserRole.ADMIN)) return [];
    const memberships = await ctx.em.find(Membership, { user: user.id }, { populate: ['organization'], orderBy: { createdAt: 'asc' } });
    return memberships.map((m) => Object.assign(new MembershipView(), { id: m.id, role: m.role, organization: m.organization as Organization }));
  }
}

