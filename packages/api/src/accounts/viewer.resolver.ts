import { Ctx, FieldResolver, ObjectType, Field, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { Organization } from '../organizations/organization.entity';
import { MembershipRole } from './account.enums';
import { can } from './policy';

@ObjectType({ description: 'What the signed-in user may do with an organization, so a client can show only the actions that will work.' })
export class OrganizationPermissions {
  @Field(() => MembershipRole, { nullable: true, description: 'The viewer\'s role in the organization, if a member.' }) membership!: MembershipRole | null;
  @Field(() => Boolean, { description: 'Edit the profile, services, sites and licences; confirm it is current.' }) edit!: boolean;
  @Field(() => Boolean) invite!: boolean;
  @Field(() => Boolean) revert!: boolean;
  @Field(() => Boolean) verify!: boolean;
  @Field(() => Boolean, { description: 'Signed in and not yet a member.' }) claim!: boolean;
}

/** The same rules as the mutations (accounts/policy.ts), answered for one organization. */
@Resolver(() => Organization)
export class OrganizationViewerResolver {
  @FieldResolver(() => OrganizationPermissions, { description: 'The signed-in viewer\'s permissions on this organization (all false when signed out).' })
  async viewerPermissions(@Root() organization: Organization, @Ctx() ctx: GraphQLContext): Promise<OrganizationPermissions> {
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
