import DataLoader from 'dataloader';
import type { Row } from '../core/projection';
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Verification } from '../organizations/organization.types';
import { MembershipView } from './account.types';
import { UserView, userView } from '../users/user.types';
import { Membership } from '../access/membership.entity';
import { User } from '../users/user.entity';
import { Organization } from '../organizations/organization.entity';
import { MembershipRole } from '../users/user.enums';
import { can } from '../access/policy';
import type { SessionContext } from './session-context';

@ObjectType({ description: 'What the signed-in user may do with an organization, so a client can show only the actions that will work.' })
export class OrganizationPermissions {
  @Field(() => MembershipRole, { nullable: true, description: 'The viewer\'s role in the organization, if a member.' }) membership!: MembershipRole | null;
  @Field(() => Boolean, { description: 'Edit the profile, services, sites and licences; confirm it is current.' }) edit!: boolean;
  @Field(() => Boolean, { description: 'Whether the viewer may invite and remove members.' }) invite!: boolean;
  @Field(() => Boolean, { description: 'Whether the viewer may revert the organization\'s revisions.' }) revert!: boolean;
  @Field(() => Boolean, { description: 'Whether the viewer may verify the organization and decide its claims.' }) verify!: boolean;
  @Field(() => Boolean, { description: 'Signed in and not yet a member.' }) claim!: boolean;
}

/** The same rules as the mutations (accounts/policy.ts), answered for one organization. */
@Resolver(() => Organization)
export class OrganizationViewerResolver {
  @FieldResolver(() => [MembershipView], { description: 'The members and their roles: for members of the organization, moderators and administrators (empty for others).' })
  async members(@Root() organization: Row<Organization>, @Ctx() ctx: SessionContext): Promise<MembershipView[]> {
    if (!can(await ctx.actor(), 'organization.readMembers', organization.id)) return [];
    const memberships = await ctx.em.find(Membership, { organization: organization.id }, { populate: ['user'], orderBy: { role: 'desc', createdAt: 'asc' } });
    return memberships.map((m) => Object.assign(new MembershipView(), { id: m.id, role: m.role, organization, user: userView(m.user) }));
  }

  @FieldResolver(() => OrganizationPermissions, { description: 'The signed-in viewer\'s permissions on this organization (all false when signed out).' })
  async viewerPermissions(@Root() organization: Row<Organization>, @Ctx() ctx: SessionContext): Promise<OrganizationPermissions> {
    const actor = await ctx.actor();
    return Object.assign(new OrganizationPermissions(), {
      membership: actor?.memberships.get(organization.id) ?? null,
      edit: can(actor, 'organization.edit', organization.id),
      invite: can(actor, 'organization.invite', organization.id),
      revert: can(actor, 'organization.revert', organization.id),
      verify: can(actor, 'organization.verify', organization.id),
      claim: Boolean(actor) && !actor!.memberships.has(organization.id),
    });
  }
}

/** One query per request for the verifiers of a whole page of organizations. */
const verifierLoaders = new WeakMap<SessionContext, DataLoader<string, User | null>>();

function verifierLoader(ctx: SessionContext): DataLoader<string, User | null> {
  let loader = verifierLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const users = await ctx.em.find(User, { id: { $in: [...ids] } });
      return ids.map((id) => users.find((u) => u.id === id) ?? null);
    });
    verifierLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => Verification)
export class VerificationViewResolver {
  @FieldResolver(() => UserView, { nullable: true, description: 'The moderator who verified it (display name only).' })
  async verifiedBy(@Root() verification: Verification, @Ctx() ctx: SessionContext): Promise<UserView | null> {
    if (!verification.verifiedById) return null;
    const user = await verifierLoader(ctx).load(verification.verifiedById);
    return user ? userView(user) : null;
  }
}
