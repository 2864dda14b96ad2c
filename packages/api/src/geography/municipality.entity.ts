import { Embedded, Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../core/base.entity';
import { LocalizedText } from '../core/localized-text';
import { Region } from './region.entity';

@Entity({ tableName: 'municipality' })
@ObjectType({ description: 'One of the 38 municipalities of Kosovo.' })
export class Municipality extends BaseEntity {
  @Field(() => ID)
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field(() => LocalizedText)
  @Embedded(() => LocalizedText, { prefix: 'name_' })
  names!: LocalizedText;

  @ManyToOne(() => Region, { deleteRule: 'restrict' })
  region!: Region;

  @Field(() => Int)
  @Property({ type: 'integer' })
  population!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  populationYear!: number;

  @Property({ type: 'double' })
  seatLat!: number;

  @Property({ type: 'double' })
  seatLng!: number;

  /** GeoJSON MultiPolygon geometry, imported from a boundaries file; optional. */
  @Property({ type: 'json', nullable: true, lazy: true })
  boundary?: unknown | null;

  /** The feature name that matches this municipality in a geoBoundaries ADM2 file. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  boundaryShapeName?: string | null;
}
