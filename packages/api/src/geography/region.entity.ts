import { Embedded, Entity, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../core/base.entity';
import { LocalizedText } from '../core/localized-text';

@Entity({ tableName: 'region' })
@ObjectType({ description: 'One of the seven regions (districts) of Kosovo.' })
export class Region extends BaseEntity {
  @Field(() => ID, { description: 'Stable code of the region (e.g. "prishtine"), used in filters.', name: 'code' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field(() => LocalizedText, { description: 'Name in Albanian, Serbian and English.' })
  @Embedded(() => LocalizedText, { prefix: 'name_' })
  names!: LocalizedText;
}
