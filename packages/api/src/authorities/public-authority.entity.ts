import { Embedded, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../core/base.entity';
import { LocalizedText } from '../core/localized-text';
import { Municipality } from '../geography/municipality.entity';
import { AuthorityKind } from './authority.enums';

@Entity({ tableName: 'public_authority' })
@ObjectType({ description: 'A ministry or municipality that contracts or funds services.' })
export class PublicAuthority extends BaseEntity {
  @Field(() => ID, { description: 'Stable code of the authority (e.g. "ministry-justice", "municipality-peje").' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field(() => LocalizedText, { description: 'Name in Albanian, Serbian and English.' })
  @Embedded(() => LocalizedText, { prefix: 'name_' })
  names!: LocalizedText;

  @Field(() => AuthorityKind, { description: 'What kind of authority it is.' })
  @Enum({ items: () => AuthorityKind })
  kind!: AuthorityKind;

  @ManyToOne(() => Municipality, { nullable: true, deleteRule: 'restrict' })
  municipality?: Municipality | null;
}
