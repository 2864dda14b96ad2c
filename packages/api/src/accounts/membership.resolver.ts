import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { CreateOrganizationInput, InviteMemberInput } from '../revisions/editing.inputs';
import { OrganizationPayload } from '../revisions/editing.payloads';
import { editContext } from '../revisions/edit-context';
import { Organization } from '../organizations/organization.entity';
import { ClaimPayload, ClaimView, InvitationPayload, InvitationView, MembershipPayload, MembershipView, RemoveMemberPayload } from './account.types';
import { userView } from '../users/user.types';
import type { Invitation } from './invitation.entity';
import type { Membership } from '../access/membership.entity';
import { acceptInvitation, claimOrganization, createOrganization, decideClaim, inviteMember, removeMember } from './membership.service';
import type { OrganizationClaim } from './organization-claim.entity';
import type { RequestContext, WithLoaders } from '../core/context';
import type { OrganizationLoaders } from '../organizations/organization.loaders';
import type { SessionContext } from './session-context';
import { InputArg } from '../core/input-arg';

export async function claimView(ctx: RequestContext & WithLoaders<OrganizationLoaders>, claim: OrganizationClaim): Promise<ClaimView> {
  await ctx.em.populate(claim, ['claimant']);
  return Object.assign(new ClaimView(), {
    id: claim.id,
    organization: (await ctx.loaders.organization.load(claim.organization.id)) as Organization,
    claimant: userView(claim.claimant),
    message: claim.message,
    status: claim.status,
    createdAt: claim.createdAt,
    decidedAt: claim.decidedAt ?? null,
    reason: claim.reason ?? null,
  });
}

async function invitationView(ctx: SessionContext, invitation: Invitation): Promise<InvitationView> {
  return Object.assign(new InvitationView(), {
    id: invitation.id,
    organization: (await ctx.loaders.organization.load(invitation.organization.id)) as Organization,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
  });
}

async function membershipView(ctx: SessionContext, membership: Membership): Promise<MembershipView> {
  await ctx.em.populate(membership, ['user']);
  return Object.assign(new MembershipView(), {
    id: membership.id,
    role: membership.role,
    organization: (await ctx.loaders.organization.load(membership.organization.id)) as Organization,
    user: userView(membership.user),
  });
}

@Resolver()
export class MembershipResolver {
  @Mutation(() => OrganizationPayload, { description: 'Registers a new organization: unverified until a moderator verifies it; you become its owner.' })
  async createOrganization(@InputArg(() => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: SessionContext): Promise<OrganizationPayload> {
    return OrganizationPayload.of(await createOrganization(await editContext(ctx), input));
  }

  @Mutation(() => ClaimPayload, { description: 'Asks the moderators to let you manage an existing organization\'s record.' })
  async claimOrganization(
    @Arg('organizationId', () => ID, { description: 'The organization\'s id.' }) organizationId: string,
    @Arg('message', () => String, { description: 'Why you may manage the organization (your role, how to check it); moderators read it.' }) message: string,
    @Ctx() ctx: SessionContext,
  ): Promise<ClaimPayload> {
    const result = await claimOrganization(await editContext(ctx), organizationId, message);
    return ClaimPayload.ofView(result, (claim) => claimView(ctx, claim));
  }

  @Mutation(() => ClaimPayload, { description: 'Moderators: approve (the claimant becomes an owner) or reject (with a reason) a claim.' })
  async decideClaim(
    @Arg('claimId', () => ID, { description: 'The claim\'s id.' }) claimId: string,
    @Arg('approve', () => Boolean, { description: 'true approves (the claimant becomes an owner), false rejects.' }) approve: boolean,
    @Ctx() ctx: SessionContext,
    @Arg('reason', () => String, { description: 'Why; required when rejecting, mailed to the claimant.', nullable: true }) reason?: string,
  ): Promise<ClaimPayload> {
    const result = await decideClaim({ ...(await editContext(ctx)), mailer: ctx.mailer, publicUrl: ctx.publicUrl }, claimId, approve, reason);
    return ClaimPayload.ofView(result, (claim) => claimView(ctx, claim));
  }

  @Mutation(() => InvitationPayload, { description: 'Owners: invite a colleague by email; the mail carries a token for acceptInvitation.' })
  async inviteMember(@InputArg(() => InviteMemberInput) input: InviteMemberInput, @Ctx() ctx: SessionContext): Promise<InvitationPayload> {
    const result = await inviteMember({ ...(await editContext(ctx)), mailer: ctx.mailer, publicUrl: ctx.publicUrl }, input);
    return InvitationPayload.ofView(result, (invitation) => invitationView(ctx, invitation));
  }

  @Mutation(() => RemoveMemberPayload, { description: 'Owners and administrators remove a member; any member may leave. The last owner cannot.' })
  async removeMember(@Arg('organizationId', () => ID, { description: 'The organization\'s id.' }) organizationId: string, @Arg('userId', () => ID, { description: 'The member\'s user id.' }) userId: string, @Ctx() ctx: SessionContext): Promise<RemoveMemberPayload> {
    return RemoveMemberPayload.of(await removeMember(await editContext(ctx), organizationId, userId));
  }

  @Mutation(() => MembershipPayload, { description: 'Accepts an invitation sent to the signed-in user\'s email address.' })
  async acceptInvitation(@Arg('token', () => String, { description: 'The token from the invitation mail.' }) token: string, @Ctx() ctx: SessionContext): Promise<MembershipPayload> {
    const result = await acceptInvitation(await editContext(ctx), token);
    return MembershipPayload.ofView(result, (membership) => membershipView(ctx, membership));
  }
}
