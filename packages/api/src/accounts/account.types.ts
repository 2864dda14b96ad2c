import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../core/user-errors';
import { Organization } from '../organizations/organization.entity';
import { MembershipRole, UserRole } from '../users/user.enums';
import { ClaimStatus } from './organization-claim.entity';
import { UserView } from '../users/user.types';

@ObjectType('Membership', { description: 'A user\'s role in an organization.' })
export class MembershipView {
  @Field(() => ID) id!: string;
  @Field(() => MembershipRole) role!: MembershipRole;
  @Field(() => Organization) organization!: Organization;
  @Field(() => UserView, { description: 'The member (display name; email only for themselves and administrators).' }) user!: UserView;
}

@ObjectType('OrganizationClaim', { description: 'A request to manage an organization\'s record, decided by moderators.' })
export class ClaimView {
  @Field(() => ID) id!: string;
  @Field(() => Organization) organization!: Organization;
  @Field(() => UserView) claimant!: UserView;
  @Field(() => String, { description: 'The claimant\'s explanation (shown to the claimant and to moderators).' }) message!: string;
  @Field(() => ClaimStatus) status!: ClaimStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('Invitation')
export class InvitationView {
  @Field(() => ID) id!: string;
  @Field(() => Organization) organization!: Organization;
  @Field(() => String) email!: string;
  @Field(() => MembershipRole) role!: MembershipRole;
  @Field(() => Date) expiresAt!: Date;
}

@ObjectType({ description: 'The result of register and signIn. The session is also set as an httpOnly cookie.' })
export class AuthPayload {
  @Field(() => UserView, { nullable: true }) user!: UserView | null;
  @Field(() => String, { nullable: true, description: 'The session token, for API clients: send it as "Authorization: Bearer <token>". Shown once.' })
  token!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class OkPayload {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class UserPayload {
  @Field(() => UserView, { nullable: true }) user!: UserView | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class ClaimPayload {
  @Field(() => ClaimView, { nullable: true }) claim!: ClaimView | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class InvitationPayload {
  @Field(() => InvitationView, { nullable: true }) invitation!: InvitationView | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class RemoveMemberPayload {
  @Field(() => ID, { nullable: true }) removedMembershipId!: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class MembershipPayload {
  @Field(() => MembershipView, { nullable: true }) membership!: MembershipView | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
