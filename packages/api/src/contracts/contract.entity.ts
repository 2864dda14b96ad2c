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

  @Field(() => String, { description: 'Title of the contract, as the authority gives it.', nullable: true })
  @Property({ type: 'text', nullable: true })
  title?: string | null;

  @ManyToMany(() => ServiceCategory, undefined, {
    pivotTable: 'contract_category',
    joinColumn: 'contract_id',
    inverseJoinColumn: 'category_id',
  })
  categories = new Collection<ServiceCategory>(this);

  @Field(() => ContractModality, { description: 'How the service was contracted (grant, subsidy, public procurement, social services contract, other).' })
  @Enum({ items: () => ContractModality })
  modality!: ContractModality;

  /** numeric keeps cents exact; exposed as Float. */
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  amount?: string | null;

  @Field(() => String, { description: 'ISO 4217 currency code of amount (EUR in Kosovo).' })
  @Property({ type: 'text', default: 'EUR' })
  currency: Opt<string> = 'EUR';

  @Field(() => DateScalar, { description: 'First day of the contract period (YYYY-MM-DD).', nullable: true })
  @Property({ type: 'date', nullable: true })
  startDate?: string | null;

  @Field(() => DateScalar, { description: 'Last day of the contract period (YYYY-MM-DD); null when open-ended or not known.', nullable: true })
  @Property({ type: 'date', nullable: true })
  endDate?: string | null;

  @Field(() => DateScalar, { description: 'Date the contract was awarded or signed (YYYY-MM-DD).', nullable: true })
  @Property({ type: 'date', nullable: true })
  @Index()
  awardDate?: string | null;

  @Field(() => String, { description: 'The authority\'s reference number of the contract or decision.', nullable: true })
  @Property({ type: 'text', nullable: true })
  reference?: string | null;

  @Field(() => String, { description: 'Link to the published contract or decision.', nullable: true })
  @Property({ type: 'text', nullable: true })
  url?: string | null;

  @Field(() => ContractStatus, { description: 'Where the contract stands as recorded (PLANNED, ACTIVE, COMPLETED, CANCELLED).' })
  @Enum({ items: () => ContractStatus, default: ContractStatus.ACTIVE })
  status: Opt<ContractStatus> = ContractStatus.ACTIVE;

  @ManyToOne('User', { nullable: true, deleteRule: 'set null' })
  recordedBy?: User | null;

  /** The key the recording form sent: a repeat of the same submission answers with this contract (unique per authority). */
  @Property({ type: 'text', nullable: true, hidden: true })
  idempotencyKey?: string | null;

  @Field(() => Boolean, { description: 'True for a fictional demo record: never real data.' })
  @Property({ type: 'boolean', default: false })
  isDemo: Opt<boolean> = false;
}
