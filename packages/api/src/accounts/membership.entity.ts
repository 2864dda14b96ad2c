import { Entity, Enum, ManyToOne, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Organization } from '../organizations/organization.entity';
import { MembershipRole } from './account.enums';
import { User } from './user.entity';

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
