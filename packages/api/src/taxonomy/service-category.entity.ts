import { Entity, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { ReferenceEntity } from '../core/reference.entity';

@Entity({ tableName: 'service_category' })
@ObjectType({ description: 'A category of the two-level taxonomy of social and family services.' })
export class ServiceCategory extends ReferenceEntity {
  @ManyToOne(() => ServiceCategory, { nullable: true, deleteRule: 'restrict' })
  parent?: ServiceCategory | null;

  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;
}
