import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../core/base.entity';
import { Node } from '../core/node';
import { DateScalar } from '../core/scalars';
import { Organization } from '../organizations/organization.entity';
import { VerificationStatus } from '../organizations/organization.enums';
import { ServiceCategory } from '../taxonomy/service-category.entity';

@Entity({ tableName: 'licence' })
@Index({ name: 'licence_validity_index', properties: ['organization', 'validFrom', 'validUntil'] })
@ObjectType({ implements: Node, description: 'A licence to provide social or family services in some categories.' })
export class Licence extends VersionedEntity {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  @Index()
  organization!: Organization;

  @Field(() => String, { name: 'authority', description: 'The issuing authority.' })
  @Property({ type: 'text' })
  issuingAuthority!: string;

  @Field(() => String, { description: 'Licence number as issued.' })
  @Property({ type: 'text' })
  number!: string;

  @ManyToMany(() => ServiceCategory, undefined, {
    pivotTable: 'licence_category',
    joinColumn: 'licence_id',
    inverseJoinColumn: 'category_id',
  })
  categories = new Collection<ServiceCategory>(this);

  @Field(() => DateScalar, { description: 'First day of validity (YYYY-MM-DD).' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Empty: open-ended.' })
  @Property({ type: 'date', nullable: true })
  validUntil?: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the licence document.' })
  @Property({ type: 'text', nullable: true })
  documentReference?: string | null;

  @Enum({ items: () => VerificationStatus, default: VerificationStatus.UNVERIFIED })
  verificationStatus: Opt<VerificationStatus> = VerificationStatus.UNVERIFIED;

  @Property({ type: 'timestamptz', nullable: true })
  verifiedAt?: Date | null;

  @Field(() => Boolean, { description: 'True for a fictional demo record: never real data.' })
  @Property({ type: 'boolean', default: false })
  isDemo: Opt<boolean> = false;
}
