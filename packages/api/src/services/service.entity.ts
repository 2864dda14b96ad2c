import { Collection, Embedded, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../core/base.entity';
import { LocalizedText, OptionalLocalizedText } from '../core/localized-text';
import { Municipality } from '../geography/municipality.entity';
import { Node } from '../core/node';
import { Organization } from '../organizations/organization.entity';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';
import { ServiceFee, ServiceStatus } from './service.enums';

@Entity({ tableName: 'service' })
@ObjectType({ implements: Node, description: 'A social or family service an organization provides.' })
export class Service extends VersionedEntity {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  @Index()
  organization!: Organization;

  @Field(() => LocalizedText, { description: 'Name in Albanian, Serbian and English.' })
  @Embedded(() => LocalizedText, { prefix: 'name_' })
  names!: LocalizedText;

  @Embedded(() => OptionalLocalizedText, { prefix: 'description_' })
  descriptions: Opt<OptionalLocalizedText> = new OptionalLocalizedText();

  @ManyToMany(() => ServiceCategory, undefined, {
    pivotTable: 'service_category_link',
    joinColumn: 'service_id',
    inverseJoinColumn: 'category_id',
  })
  categories = new Collection<ServiceCategory>(this);

  @ManyToMany(() => TargetGroup, undefined, {
    pivotTable: 'service_target_group',
    joinColumn: 'service_id',
    inverseJoinColumn: 'target_group_id',
  })
  targetGroups = new Collection<TargetGroup>(this);

  /** Municipalities the service serves (its service area). */
  @ManyToMany(() => Municipality, undefined, {
    pivotTable: 'service_area',
    joinColumn: 'service_id',
    inverseJoinColumn: 'municipality_id',
  })
  serviceArea = new Collection<Municipality>(this);

  @Field(() => [String], { description: 'Languages the service is delivered in (ISO 639-1 codes).' })
  @Property({ type: 'text[]', default: '{sq}' })
  languages: Opt<string[]> = ['sq'];

  @Field(() => String, { description: 'Who may use the service, as given.', nullable: true })
  @Property({ type: 'text', nullable: true })
  eligibility?: string | null;

  @Field(() => ServiceFee, { description: 'Whether users pay.', nullable: true })
  @Enum({ items: () => ServiceFee, nullable: true })
  fee?: ServiceFee | null;

  @Field(() => Int, { nullable: true, name: 'capacity', description: 'Beneficiaries per year.' })
  @Property({ type: 'integer', nullable: true })
  capacityPerYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Places, where the service is residential.' })
  @Property({ type: 'integer', nullable: true })
  residentialPlaces?: number | null;

  @Field(() => ServiceStatus, { description: 'Whether the service is offered.' })
  @Enum({ items: () => ServiceStatus, default: ServiceStatus.ACTIVE })
  status: Opt<ServiceStatus> = ServiceStatus.ACTIVE;

  @Field(() => Boolean, { description: 'True for a fictional demo record: never real data.' })
  @Property({ type: 'boolean', default: false })
  isDemo: Opt<boolean> = false;
}
