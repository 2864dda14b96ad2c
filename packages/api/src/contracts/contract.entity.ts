import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { User } from '../users/user.entity';
import { VersionedEntity } from '../core/base.entity';
import { Node } from '../core/node';
import { DateScalar } from '../core/scalars';
import { Organization } from '../organizations/organization.entity';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { ContractModality, ContractStatus } from './contract.enums';
import { PublicAuthority } from '../authorities/public-authority.entity';

@Entity({ tableName: 'contract' })
@ObjectType({ implements: Node, description: 'A contract or grant a public authority awarded to an organization.' })
export class Contract extends VersionedEntity {
  @ManyToOne(() => PublicAuthority, { deleteRule: 'restrict' })
  @Index()
  authority!: PublicAuthority;

  @ManyToOne(() => Organization, { deleteRule: 'restrict' })
  @Index()
  provider!: Organization;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  title?: string | null;

  @ManyToMany(() => ServiceCategory, undefined, {
    pivotTable: 'contract_category',
    joinColumn: 'contract_id',
    inverseJoinColumn: 'category_id',
  })
  categories = new Collection<ServiceCategory>(this);

  @Field(() => ContractModality)
  @Enum({ items: () => ContractModality })
  modality!: ContractModality;

  /** numeric keeps cents exact; exposed as Float. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  amount?: string | null;

  @Field(() => String)
  @Property({ type: 'text', default: 'EUR' })
  currency: Opt<string> = 'EUR';

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  @Index()
  awardDate?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reference?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  url?: string | null;

  @Field(() => ContractStatus)
  @Enum({ items: () => ContractStatus, default: ContractStatus.ACTIVE })
  status: Opt<ContractStatus> = ContractStatus.ACTIVE;

  @ManyToOne('User', { nullable: true, deleteRule: 'set null' })
  recordedBy?: User | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  isDemo: Opt<boolean> = false;
}
