import { Entity, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../core/base.entity';
import { Municipality } from '../geography/municipality.entity';
import { Node } from '../core/node';
import { Organization } from '../organizations/organization.entity';

@Entity({ tableName: 'location' })
@Index({
  name: 'location_point_gist',
  expression: 'create index "location_point_gist" on "location" using gist (point("lng", "lat")) include ("organization_id", "lat", "lng")',
})
@Index({
  name: 'location_earth_gist',
  expression: 'create index "location_earth_gist" on "location" using gist (ll_to_earth("lat", "lng")) include ("organization_id", "lat", "lng")',
})
@ObjectType({ implements: Node, description: 'A site where an organization works or delivers services.' })
export class Location extends VersionedEntity {
  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  @Index()
  organization!: Organization;

  @Field(() => String, { description: 'Name of the site (e.g. "Qendra ditore"), if it has one.', nullable: true })
  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Field(() => String, { description: 'Street address.', nullable: true })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @ManyToOne(() => Municipality, { deleteRule: 'restrict' })
  @Index()
  municipality!: Municipality;

  @Property({ type: 'double' })
  lat!: number;

  @Property({ type: 'double' })
  lng!: number;

  @Field(() => String, { description: 'Physical accessibility of the site (step-free access, accessible toilet, …), as given.', nullable: true })
  @Property({ type: 'text', nullable: true })
  accessibility?: string | null;

  @Field(() => String, { description: 'Opening hours, as given.', nullable: true })
  @Property({ type: 'text', nullable: true })
  openingHours?: string | null;

  @Field(() => Boolean, { description: 'True for a fictional demo record: never real data.' })
  @Property({ type: 'boolean', default: false })
  isDemo: Opt<boolean> = false;
}
