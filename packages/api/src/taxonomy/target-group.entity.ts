import { Embedded, Entity, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../core/base.entity';
import { LocalizedText } from '../core/localized-text';

@Entity({ tableName: 'target_group' })
@ObjectType({ description: 'A group of people a service is meant for.' })
export class TargetGroup extends BaseEntity {
  @Field(() => ID, { description: 'Stable code of the target group (e.g. "women-and-girls"), used in filters.' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field(() => LocalizedText, { description: 'Name in Albanian, Serbian and English.' })
  @Embedded(() => LocalizedText, { prefix: 'name_' })
  names!: LocalizedText;

  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;
}
