import { Entity, Enum, ManyToOne, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../core/base.entity';
import { Organization } from '../organizations/organization.entity';
import { MembershipRole } from '../users/user.enums';
import { User } from '../users/user.entity';

@Entity({ tableName: 'membership' })
@Unique({ properties: ['user', 'organization'] })
export class Membership extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @ManyToOne(() => Organization, { deleteRule: 'cascade', index: true })
  organization!: Organization;

  @Enum({ items: () => MembershipRole, default: MembershipRole.EDITOR })
  role: Opt<MembershipRole> = MembershipRole.EDITOR;
}
