import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { ReferenceEntity } from '../core/reference.entity';
import { Region } from './region.entity';

@Entity({ tableName: 'municipality' })
@ObjectType({ description: 'One of the 38 municipalities of Kosovo.' })
export class Municipality extends ReferenceEntity {
  @ManyToOne(() => Region, { deleteRule: 'restrict' })
  region!: Region;

  @Field(() => Int, { description: 'Inhabitants (census of populationYear).' })
  @Property({ type: 'integer' })
  population!: number;

  @Field(() => Int, { description: 'Year of the population figure.' })
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
  @Field(() => String, { description: 'The shapeName of the imported geoBoundaries ADM2 polygon; null when no boundary is imported.', nullable: true })
  @Property({ type: 'text', nullable: true })
  boundaryShapeName?: string | null;
}
