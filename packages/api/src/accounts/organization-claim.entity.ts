import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import { BaseEntity } from '../core/base.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';

export enum ClaimStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ClaimStatus, { name: 'ClaimStatus' , description: 'Where a claim to manage an organization stands.', valuesConfig: {
    APPROVED: { description: 'A moderator approved it: the claimant became an owner of the organization.' },
    PENDING: { description: 'Waiting for a moderator\'s decision.' },
    REJECTED: { description: 'A moderator rejected it (the reason says why).' },
  } });

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
