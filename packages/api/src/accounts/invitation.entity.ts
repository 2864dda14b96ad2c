import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Organization } from '../organizations/organization.entity';
import { MembershipRole } from '../users/user.enums';
import { User } from '../users/user.entity';
import { HashedToken } from './hashed-token.entity';

/** An owner's invitation of a colleague, by email; accepted once, by the signed-in user with that email. */
@Entity({ tableName: 'invitation' })
export class Invitation extends HashedToken {
  @ManyToOne(() => Organization, { deleteRule: 'cascade', index: true })
  organization!: Organization;

  /** Normalised (lower case). */
  @Property({ type: 'text' })
  email!: string;

  @Enum({ items: () => MembershipRole })
  role!: MembershipRole;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  invitedBy?: User | null;

  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  acceptedBy?: User | null;
}
