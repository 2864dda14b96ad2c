import { Embedded, Entity, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../core/base.entity';
import { LocalizedText } from '../core/localized-text';

@Entity({ tableName: 'service_category' })
@ObjectType({ description: 'A category of the two-level taxonomy of social and family services.' })
export class ServiceCategory extends BaseEntity {
  @Field(() => ID, { description: 'Stable dotted code (e.g. "residential.shelter-domestic-violence"), used in filters.' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field(() => LocalizedText, { description: 'Name in Albanian, Serbian and English.' })
  @Embedded(() => LocalizedText, { prefix: 'name_' })
  names!: LocalizedText;

  @ManyToOne(() => ServiceCategory, { nullable: true, deleteRule: 'restrict' })
  parent?: ServiceCategory | null;

  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;
}
