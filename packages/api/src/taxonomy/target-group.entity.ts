import { Entity, Property, type Opt } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { ReferenceEntity } from '../core/reference.entity';

@Entity({ tableName: 'target_group' })
@ObjectType({ description: 'A group of people a service is meant for.' })
export class TargetGroup extends ReferenceEntity {
  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;
}
