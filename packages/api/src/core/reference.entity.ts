import { Embedded, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity';
import { LocalizedText } from './localized-text';

/**
 * A record of a seeded vocabulary (regions, municipalities, service categories, target groups, public
 * authorities): a stable code that filters and imports name it by, and its names per language.
 */
@ObjectType('ReferenceEntity')
export abstract class ReferenceEntity extends BaseEntity {
  @Field(() => ID, { description: 'Stable code of the record (e.g. "prishtine", "women-and-girls", "residential.shelter-domestic-violence"), used in filters.' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field(() => LocalizedText, { description: 'Name in Albanian, Serbian and English.' })
  @Embedded(() => LocalizedText, { prefix: 'name_' })
  names!: LocalizedText;
}
