import { Entity, Enum, ManyToOne } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ReferenceEntity } from '../core/reference.entity';
import { Municipality } from '../geography/municipality.entity';
import { AuthorityKind } from './authority.enums';

@Entity({ tableName: 'public_authority' })
@ObjectType({ description: 'A ministry or municipality that contracts or funds services.' })
export class PublicAuthority extends ReferenceEntity {
  @Field(() => AuthorityKind, { description: 'What kind of authority it is.' })
  @Enum({ items: () => AuthorityKind })
  kind!: AuthorityKind;

  @ManyToOne(() => Municipality, { nullable: true, deleteRule: 'restrict' })
  municipality?: Municipality | null;
}
