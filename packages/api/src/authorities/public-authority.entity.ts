import { Embedded, Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../core/base.entity';
import { LocalizedText } from '../core/localized-text';
import { Municipality } from '../geography/municipality.entity';
import { AuthorityKind } from './authority.enums';

@Entity({ tableName: 'public_authority' })
@ObjectType({ description: 'A ministry or municipality that contracts or funds services.' })
export class PublicAuthority extends BaseEntity {
  @Field(() => ID)
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field(() => LocalizedText)
  @Embedded(() => LocalizedText, { prefix: 'name_' })
  names!: LocalizedText;

  @Field(() => AuthorityKind)
  @Enum({ items: () => AuthorityKind })
  kind!: AuthorityKind;

  @ManyToOne(() => Municipality, { nullable: true, deleteRule: 'restrict' })
  municipality?: Municipality | null;
}
