import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../core/base.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { defineEnum, type EnumValue } from '../core/enums';

export type ClaimStatus = EnumValue<typeof ClaimStatus>;
export const ClaimStatus = defineEnum('ClaimStatus', 'Where a claim to manage an organization stands.', {
  PENDING: 'Waiting for a moderator\'s decision.',
  APPROVED: 'A moderator approved it: the claimant became an owner of the organization.',
  REJECTED: 'A moderator rejected it (the reason says why).',
});

/** A user's request to manage an existing organization's record; a moderator decides it. */
@Entity({ tableName: 'organization_claim' })
@Index({ properties: ['status', 'createdAt'] })
export class OrganizationClaim extends BaseEntity {
  @ManyToOne(() => Organization, { deleteRule: 'cascade', index: true })
  organization!: Organization;

  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  claimant!: User;

  @Property({ type: 'text' })
  message!: string;

  @Enum({ items: () => ClaimStatus, default: ClaimStatus.PENDING })
  status: Opt<ClaimStatus> = ClaimStatus.PENDING;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  decidedBy?: User | null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
