import { Field, ID, ObjectType } from 'type-graphql';
import { Organization } from '../organizations/organization.entity';
import { MembershipRole, UserRole } from '../users/user.enums';
import { ClaimStatus } from './organization-claim.entity';
import { UserView } from '../users/user.types';
import { MutationPayload, WritePayload } from '../core/payload';

@ObjectType('Membership', { description: 'A user\'s role in an organization.' })
export class MembershipView {
  @Field(() => ID, { description: 'The membership\'s id.' }) id!: string;
  @Field(() => MembershipRole, { description: 'The member\'s role in the organization.' }) role!: MembershipRole;
  @Field(() => Organization, { description: 'The organization.' }) organization!: Organization;
  @Field(() => UserView, { description: 'The member (display name; email only for themselves and administrators).' }) user!: UserView;
}

@ObjectType('OrganizationClaim', { description: 'A request to manage an organization\'s record, decided by moderators.' })
export class ClaimView {
  @Field(() => ID, { description: 'Globally unique id of the claim.' }) id!: string;
  @Field(() => Organization, { description: 'The claimed organization.' }) organization!: Organization;
  @Field(() => UserView, { description: 'The user who claims the organization.' }) claimant!: UserView;
  @Field(() => String, { description: 'The claimant\'s explanation (shown to the claimant and to moderators).' }) message!: string;
  @Field(() => ClaimStatus, { description: 'Where the claim stands.' }) status!: ClaimStatus;
  @Field(() => Date, { description: 'When the claim was made (UTC).' }) createdAt!: Date;
  @Field(() => Date, { description: 'When a moderator decided (UTC); null while pending.', nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { description: 'The moderator\'s reason (on rejection).', nullable: true }) reason!: string | null;
}

@ObjectType('Invitation', { description: 'An invitation to join an organization\'s editors, sent by mail with a single-use token valid 14 days.' })
export class InvitationView {
  @Field(() => ID, { description: 'Globally unique id of the invitation.' }) id!: string;
  @Field(() => Organization, { description: 'The organization the invitation is for.' }) organization!: Organization;
  @Field(() => String, { description: 'The invited e-mail address (only the account with it can accept).' }) email!: string;
  @Field(() => MembershipRole, { description: 'The role the invited person gets.' }) role!: MembershipRole;
  @Field(() => Date, { description: 'When the invitation expires (UTC).' }) expiresAt!: Date;
}

@ObjectType({ description: 'The result of register, confirmEmail and signIn. signIn and confirmEmail also set the session as an httpOnly cookie; register never signs in.' })
export class AuthPayload extends MutationPayload {
  @Field(() => UserView, { description: 'The signed-in user; null when userErrors is not empty, and always from register.', nullable: true }) user!: UserView | null;
  @Field(() => String, { nullable: true, description: 'The session token, for API clients: send it as "Authorization: Bearer <token>". Shown once.' })
  token!: string | null;
}

@ObjectType({ description: 'Result of a mutation that returns no object: ok, or userErrors.' })
export class OkPayload extends MutationPayload {
  @Field(() => Boolean, { description: 'True when the mutation did what it says.' }) ok!: boolean;
}

@ObjectType({ description: 'Result of a user mutation: the user as written, or userErrors.' })
export class UserPayload extends WritePayload('user', () => UserView, 'The user as written') {}

@ObjectType({ description: 'Result of claimOrganization or decideClaim: the claim as it now stands, or userErrors.' })
export class ClaimPayload extends WritePayload('claim', () => ClaimView, 'The claim as written') {}

@ObjectType({ description: 'Result of inviteMember: the invitation, or userErrors.' })
export class InvitationPayload extends WritePayload('invitation', () => InvitationView, 'The invitation as written') {}

@ObjectType({ description: 'Result of removeMember: the removed membership\'s id, or userErrors.' })
export class RemoveMemberPayload extends WritePayload('removedMembershipId', () => ID, 'The removed membership\'s id') {}

@ObjectType({ description: 'Result of acceptInvitation or a membership change: the membership, or userErrors.' })
export class MembershipPayload extends WritePayload('membership', () => MembershipView, 'The membership as written') {}
